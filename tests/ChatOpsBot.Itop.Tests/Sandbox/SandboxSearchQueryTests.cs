using ChatOpsBot.Itop.Tests.Infrastructure;
using ChatOpsBot.ItopSandbox;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatOpsBot.Itop.Tests.Sandbox;

/// <summary>The message extension's searches against the sandbox over HTTP (the same run as RealItopSearchQueryTests).</summary>
public sealed class SandboxSearchQueryTests
{
    [Fact]
    public async Task Each_search_criterion_and_the_visibility_of_a_person_are_one_itop_query()
    {
        await using var sandbox = await ItopSandboxHost.StartAsync(new ItopSandboxOptions());
        var counter = new RequestCounter();
        await using var sp = DeskFactory.Build(sandbox.BaseAddress, settings: new Dictionary<string, string?> { ["Itop:Token"] = "sandbox-token" },
            extra: s => s.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => counter)));

        await TicketSearchQueries.RunAsync(sp.GetRequiredService<ITicketDesk>(), counter);
    }
}
