using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace ChatOpsBot.Notifications.Tests;

/// <summary>One iTop query per poll (plus pages), whatever the number of subscriptions and changed tickets.</summary>
public sealed class FeedQueryTests
{
    [Theory]
    [InlineData(100, 1)]
    [InlineData(2, 3)] // 6 changed tickets, 2 per page
    public async Task A_poll_reads_the_feed_only_whatever_the_subscriptions_and_changes(int pageSize, int expectedQueries)
    {
        await using var host = await NotificationTestHost.StartAsync(
            new Dictionary<string, string?> { ["Notifications:Enabled"] = "false", ["Notifications:PageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            startBot: false);
        var itop = new ItopCalls(host.Sandbox.BaseAddress);
        host.ConfigureServices = itop.AddTo;
        await host.StartBotAsync();
        await host.SubscribeAsync("OpenMoodle");
        await host.SubscribeAsync("équipe Intervenants Moodle", "19:team-a@thread.tacv2");
        await host.SubscribeAsync("école INSA Lyon", "19:school-a@thread.tacv2");
        var poller = host.Service<ChangeFeedPoller>();
        await poller.PollOnceAsync(CancellationToken.None); // sets the cursor
        await host.NextSecondAsync(); // iTop's last_update has a one-second grain: the next changes come after the cursor's second

        var ids = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await host.ConsoleCreateTicketAsync("Requêtes " + i)).Id);
        }

        await host.ConsoleStimulusAsync(ids[0], "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 5 });
        await host.ConsoleUpdateAsync(ids[1], new JsonObject { ["public_log"] = "Vu." });
        ids.Add((await host.ConsoleCreateTicketAsync("Scénari", "Ateliers Scénari")).Id);
        ids.Add((await host.ConsoleCreateTicketAsync("Autre école", "Droits Moodle", "INSA Toulouse")).Id);

        itop.Clear();
        var queued = await poller.PollOnceAsync(CancellationToken.None);

        // Tickets: the feed only. Besides, the assigned agent's chat is looked for, which reads that person once (then cached).
        var calls = itop.Calls;
        var tickets = calls.Where(c => c.Contains("UserRequest", StringComparison.Ordinal)).ToList();
        Assert.Equal(expectedQueries, tickets.Count);
        Assert.All(tickets, c => Assert.StartsWith("core/get UserRequest SELECT UserRequest WHERE last_update > ", c, StringComparison.Ordinal));
        var others = calls.Except(tickets).ToList();
        Assert.All(others, c => Assert.StartsWith("core/get Person ", c, StringComparison.Ordinal));
        Assert.Equal(others.Count, others.Distinct().Count());

        await host.ConsoleStimulusAsync(ids[2], "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 5 });
        itop.Clear();
        await poller.PollOnceAsync(CancellationToken.None);
        Assert.All(itop.Calls, c => Assert.StartsWith("core/get UserRequest SELECT UserRequest WHERE last_update > ", c, StringComparison.Ordinal));
        Assert.True(queued >= 5, "queued " + queued); // 4 Moodle tickets × up to 3 channels, the assignment, the comment
    }
}
