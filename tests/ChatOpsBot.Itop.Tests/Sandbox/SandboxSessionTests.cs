using ChatOpsBot.Itop.Rest;
using ChatOpsBot.Itop.Tests.Infrastructure;
using ChatOpsBot.ItopSandbox;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatOpsBot.Itop.Tests.Sandbox;

/// <summary>
/// The sandbox refuses a call whose PHP session cookie names a session with a call in flight, as iTop can. The
/// client registered by AddItopTicketDesk must send no session cookie: this fails the day it keeps cookies again.
/// </summary>
public sealed class SandboxSessionTests
{
    [Fact]
    public async Task The_projects_client_is_never_refused_at_200_calls_8_at_a_time()
    {
        await using var sandbox = await ItopSandboxHost.StartAsync(new ItopSandboxOptions());
        await using var sp = DeskFactory.Build(sandbox.BaseAddress, settings: new Dictionary<string, string?> { ["Itop:Token"] = "sandbox-token" });

        var outcome = await ConcurrentCalls.FireAsync(sp.GetRequiredService<ItopClient>(), calls: 200, concurrency: 8);

        Assert.Empty(outcome.Failures);
        Assert.Equal((200, 0), (outcome.Succeeded, outcome.Refused));
    }
}
