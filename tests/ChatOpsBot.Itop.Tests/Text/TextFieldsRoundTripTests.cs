using ChatOpsBot.Testing.RealItop;
using Xunit;
using ChatOpsBot.Itop.Tests.Infrastructure;
using ChatOpsBot.Itop.Tests.RealItop;
using ChatOpsBot.ItopSandbox;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Itop.Tests.Text;

/// <summary>Description, user's words, school reference, hold reason, solution and a hand-over note, written and read back.</summary>
public sealed class TextFieldsRoundTripTests
{
    [Fact]
    public async Task On_the_sandbox()
    {
        await using var sandbox = await ItopSandboxHost.StartAsync(new ItopSandboxOptions());
        await using var sp = DeskFactory.Build(sandbox.BaseAddress, settings: new Dictionary<string, string?> { ["Itop:Token"] = "sandbox-token" });
        await TextFieldsRoundTrip.RunAsync(sp.GetRequiredService<ITicketDesk>());
    }
}

[Collection(RealItopCollection.Name)]
public sealed class RealItopTextFieldsRoundTripTests
{
    [RealItopFact]
    public async Task On_the_real_iTop()
    {
        await using var sp = DeskFactory.Build(RealItopInstance.Url, settings: RealItopInstance.Settings);
        await TextFieldsRoundTrip.RunAsync(sp.GetRequiredService<ITicketDesk>());
    }
}
