using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Manifest.Tests;

/// <summary>
/// What can be checked of the container without a Docker engine (none on this machine): the Dockerfile's
/// structure, and its HEALTHCHECK command run for real against a loopback Kestrel.
/// </summary>
public class DockerfileTests
{
    private readonly Dockerfile _dockerfile = Dockerfile.Load();

    [Fact]
    public void Builds_with_the_sdk_and_runs_on_the_aspnet_runtime()
    {
        Assert.True(_dockerfile.Stages.Count >= 2);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", _dockerfile.Stages[0].Image, StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", _dockerfile.Stages[^1].Image, StringComparison.Ordinal);
        Assert.Contains(_dockerfile.Stages[^1].All("COPY"), c => c.StartsWith($"--from={_dockerfile.Stages[0].Name} ", StringComparison.Ordinal));
        Assert.Contains(_dockerfile.Stages[0].All("RUN"), r => r.Contains("dotnet publish src/ChatOpsBot/ChatOpsBot.csproj", StringComparison.Ordinal));
        Assert.Equal("[\"dotnet\", \"ChatOpsBot.dll\"]", Assert.Single(_dockerfile.Stages[^1].All("ENTRYPOINT")));
    }

    [Fact]
    public void Runtime_stage_runs_as_a_non_root_user()
    {
        var user = _dockerfile.Stages[^1].Instructions.Last(i => i.Keyword == "USER").Arguments;

        Assert.DoesNotContain(user.Split(':')[0], new[] { "root", "0" });
        Assert.Equal("$APP_UID", user);
        // Nothing after USER switches back or needs root.
        var afterUser = _dockerfile.Stages[^1].Instructions.SkipWhile(i => i.Keyword != "USER").Skip(1).Select(i => i.Keyword);
        Assert.DoesNotContain("RUN", afterUser);
    }

    [Fact]
    public void Runtime_listens_on_all_interfaces_port_8080()
    {
        var environment = string.Join(" ", _dockerfile.Stages[^1].All("ENV"));

        Assert.Contains("ASPNETCORE_URLS=http://0.0.0.0:8080", environment, StringComparison.Ordinal);
        Assert.Equal("8080", Assert.Single(_dockerfile.Stages[^1].All("EXPOSE")));
        // The host only defaults to loopback when no URL is configured, so ASPNETCORE_URLS must win over appsettings.
        var appsettings = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(ChatOpsBot.Testing.TestData.RepositoryRoot, "src", "ChatOpsBot", "appsettings.json")))!;
        Assert.Null(appsettings["Urls"]);
    }

    [Fact]
    public void Runtime_caps_the_malloc_arenas()
    {
        var environment = string.Join(" ", _dockerfile.Stages[^1].All("ENV"));

        // Measured by the fuzz benchmark: without it the RSS creeps up under malformed activities.
        Assert.Contains("MALLOC_ARENA_MAX=2", environment, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_layer_copies_every_src_project()
    {
        var copies = _dockerfile.Stages[0].All("COPY").ToList();
        var projects = Directory.GetFiles(Path.Combine(ChatOpsBot.Testing.TestData.RepositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(ChatOpsBot.Testing.TestData.RepositoryRoot, p).Replace('\\', '/'))
            .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(projects);
        foreach (var project in projects)
        {
            Assert.Contains(copies, c => c.StartsWith(project + " ", StringComparison.Ordinal));
        }

        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig" })
        {
            Assert.Contains(copies, c => c.Split(' ').Contains(file));
        }
    }

    [Fact]
    public void Docker_ignore_keeps_build_outputs_and_local_secrets_out_of_the_context()
    {
        var ignored = File.ReadAllLines(Path.Combine(ChatOpsBot.Testing.TestData.RepositoryRoot, ".dockerignore"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();

        Assert.Superset(new HashSet<string> { "**/bin/", "**/obj/", ".git/", "**/appsettings.Local.json", "data/", "*.db" }, ignored);
        Assert.DoesNotContain("src/", ignored);
        Assert.DoesNotContain("eng/", ignored);
    }

    [Theory]
    [InlineData(200, 0)]
    [InlineData(503, 1)]
    public async Task Health_check_command_reports_the_healthz_status(int status, int expectedExit)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        var requests = 0;
        app.MapGet("/healthz", () => { Interlocked.Increment(ref requests); return Results.StatusCode(status); });
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;

        var command = _dockerfile.HealthCheckCommand();
        Assert.Contains("/dev/tcp/127.0.0.1/8080", command[^1], StringComparison.Ordinal);
        var start = new ProcessStartInfo(command[0]) { RedirectStandardError = true };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument.Replace("/dev/tcp/127.0.0.1/8080", $"/dev/tcp/127.0.0.1/{port}", StringComparison.Ordinal));
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(expectedExit, process.ExitCode);
        Assert.Equal(1, requests);
    }

    [Fact]
    public async Task Health_check_command_fails_when_nothing_listens()
    {
        // Take a free loopback port and release it: nothing listens there any more.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var command = _dockerfile.HealthCheckCommand();
        var start = new ProcessStartInfo(command[0]) { RedirectStandardError = true };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument.Replace("/dev/tcp/127.0.0.1/8080", $"/dev/tcp/127.0.0.1/{port}", StringComparison.Ordinal));
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();

        Assert.NotEqual(0, process.ExitCode);
    }
}
