using ChatOpsBot.Itop.Tests.Infrastructure;
using ChatOpsBot.ItopSandbox;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatOpsBot.Itop.Tests.Sandbox;

/// <summary>The desk's OQL (searches, queues, change feed) and hostile text, against the sandbox over HTTP.</summary>
public sealed class SandboxQueryTests
{
    private static readonly Actor Jean = new(11, "Jean Dupont");

    [Fact]
    public async Task Person_search_escapes_quotes_and_filters_by_organisation()
    {
        await using var sandbox = await ItopSandboxHost.StartAsync(new ItopSandboxOptions());
        await using var sp = DeskFactory.Build(sandbox.BaseAddress, settings: new Dictionary<string, string?> { ["Itop:Token"] = "sandbox-token" });
        var desk = sp.GetRequiredService<ITicketDesk>();

        var found = await desk.SearchPersonsAsync(4, "Fleurier", default);
        Assert.Equal(["Hamid Le Fleurier"], found.Select(p => p.FullName));
        Assert.Empty(await desk.SearchPersonsAsync(3, "Fleurier", default));
        Assert.Empty(await desk.SearchPersonsAsync(null, "x' OR '1'='1", default));
        Assert.Contains(await desk.SearchPersonsAsync(null, "le-moane", default), p => p.Id == 5);
    }

    [Fact]
    public async Task Queues_and_change_feed()
    {
        await using var sandbox = await ItopSandboxHost.StartAsync(new ItopSandboxOptions());
        await using var sp = DeskFactory.Build(sandbox.BaseAddress, settings: new Dictionary<string, string?> { ["Itop:Token"] = "sandbox-token" });
        var desk = sp.GetRequiredService<ITicketDesk>();
        var before = await desk.GetChangesSinceAsync(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), 1, 500, default);

        var hostileTitle = "<script>alert('x')</script>Accès \"Moodle\" d'Hélène 🎓 " + new string('é', 300);
        var ticket = await desk.CreateTicketAsync(new TicketDraft
        {
            OrgId = 3, CallerId = 11, Title = hostileTitle, Description = "<img src=x onerror=alert(1)>\n" + new string('a', 10_000), ServiceId = 4, SubServiceId = 8,
        }, Jean, default);
        Assert.DoesNotContain("<", ticket.Title, StringComparison.Ordinal);
        Assert.Equal(255, ticket.Title.EnumerateRunes().Count());
        // Markup typed into the description is stored escaped, so it comes back as the text that was typed.
        Assert.StartsWith("<img src=x onerror=alert(1)>\naaa", ticket.Description, StringComparison.Ordinal);

        await desk.AssignAsync(ticket.Id, 19, 3, new Actor(3, "Hamid Le Fleurier"), default);
        var queue = await desk.FindTicketsAsync(new TicketQuery { TeamIds = [19], Statuses = [TicketStatus.Assigned], PageSize = 100 }, default);
        Assert.Contains(queue.Items, t => t.Id == ticket.Id);
        Assert.All(queue.Items, t => Assert.Equal((19, TicketStatus.Assigned), (t.TeamId!.Value, t.Status)));
        var mine = await desk.FindTicketsAsync(new TicketQuery { AgentId = 3, PageSize = 1 }, default);
        Assert.Single(mine.Items);
        Assert.True(mine.Total >= 1);

        var after = await desk.GetChangesSinceAsync(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), 1, 500, default);
        Assert.Equal(before.Total + 1, after.Total);
        Assert.Contains(after.Items, t => t.Id == ticket.Id && t.Status == TicketStatus.Assigned);

        // The feed carries the whole ticket, so the poller classifies without reading each one again.
        var fed = after.Items.Single(t => t.Id == ticket.Id);
        var read = (await desk.GetTicketAsync(ticket.Id, default))!;
        Assert.Equal((read.Ref, read.TeamId, read.AgentId, read.AgentName, read.ServiceName, read.LastUpdate), (fed.Ref, fed.TeamId, fed.AgentId, fed.AgentName, fed.ServiceName, fed.LastUpdate));
        Assert.Equal(read.Description, fed.Description);
        Assert.Equal(read.PublicLog.Select(e => e.Message), fed.PublicLog.Select(e => e.Message));
        Assert.Equal(read.PrivateLog.Select(e => e.Message), fed.PrivateLog.Select(e => e.Message));
    }
}
