using ChatOpsBot.ItopSandbox.Tests.Infrastructure;
using Xunit;

namespace ChatOpsBot.ItopSandbox.Tests.Hosting;

public sealed class HostTests
{
    private static object Create(string title) => new
    {
        operation = "core/create", @class = "UserRequest", comment = "tests",
        fields = new { org_id = 3, caller_id = 11, title, description = "x" }, output_fields = "ref",
    };

    private static object GetAll() => new { operation = "core/get", @class = "UserRequest", key = "SELECT UserRequest", output_fields = "title" };

    [Fact]
    public async Task Listens_on_loopback_with_a_free_port()
    {
        await using var host = await ItopSandboxHost.StartAsync(new ItopSandboxOptions());
        Assert.Equal("127.0.0.1", host.BaseAddress.Host);
        Assert.NotEqual(0, host.BaseAddress.Port);
        Assert.EndsWith("/", host.BaseAddress.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_then_restart_on_the_same_port_keeps_the_data()
    {
        var path = Path.Combine(Path.GetTempPath(), $"itop-sandbox-{Guid.NewGuid():N}.db");
        try
        {
            await using var host = await ItopSandboxHost.StartAsync(new ItopSandboxOptions { DatabasePath = path });
            var port = host.BaseAddress.Port;
            using var client = new SandboxClient(host.BaseAddress);
            await client.BotAsync(Create("Avant la panne"));

            await host.StopAsync();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.BotAsync(GetAll()));

            await host.RestartAsync();
            Assert.Equal(port, host.BaseAddress.Port);
            var reply = await client.BotAsync(GetAll());
            Assert.Equal("Found: 1", reply["message"]!.GetValue<string>());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_new_host_on_the_same_database_file_and_port_finds_the_tickets_and_continues_the_refs()
    {
        var path = Path.Combine(Path.GetTempPath(), $"itop-sandbox-{Guid.NewGuid():N}.db");
        try
        {
            int port;
            await using (var first = await ItopSandboxHost.StartAsync(new ItopSandboxOptions { DatabasePath = path }))
            {
                port = first.BaseAddress.Port;
                using var client = new SandboxClient(first.BaseAddress);
                await client.BotAsync(Create("Premier"));
            }

            await using var second = await ItopSandboxHost.StartAsync(new ItopSandboxOptions { DatabasePath = path, Port = port });
            using var again = new SandboxClient(second.BaseAddress);
            Assert.Equal(port, second.BaseAddress.Port);
            var created = await again.BotAsync(Create("Second"));
            var all = await again.BotAsync(GetAll());
            Assert.Equal("R-000002", created["objects"]!.AsObject().Single().Value!["fields"]!["ref"]!.GetValue<string>());
            Assert.Equal("Found: 2", all["message"]!.GetValue<string>());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
