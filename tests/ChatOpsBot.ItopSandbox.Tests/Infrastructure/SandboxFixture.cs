using Xunit;

namespace ChatOpsBot.ItopSandbox.Tests.Infrastructure;

/// <summary>Starts a fresh in-memory sandbox on 127.0.0.1:0 per test.</summary>
public abstract class SandboxTestBase : IAsyncLifetime
{
    private ItopSandboxHost? _host;
    private SandboxClient? _client;

    protected ItopSandboxHost Host => _host ?? throw new InvalidOperationException("not started");

    protected SandboxClient Client => _client ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _host = await ItopSandboxHost.StartAsync(new ItopSandboxOptions());
        _client = new SandboxClient(_host.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    protected Task<System.Text.Json.Nodes.JsonObject> CreateTicketAsync(string title = "Ticket de test", int org = 3, int caller = 11) =>
        Client.BotAsync(new
        {
            operation = "core/create", @class = "UserRequest", comment = "tests",
            fields = new { org_id = org, caller_id = caller, title, description = "x" },
            output_fields = "id,ref,status",
        });

    protected static string Key(System.Text.Json.Nodes.JsonObject reply) =>
        reply["objects"]!.AsObject().First().Value!["key"]!.GetValue<string>();

    protected static System.Text.Json.Nodes.JsonObject Fields(System.Text.Json.Nodes.JsonObject reply) =>
        reply["objects"]!.AsObject().First().Value!["fields"]!.AsObject();
}
