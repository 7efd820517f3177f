using System.Diagnostics;
using System.Text.RegularExpressions;
using ChatOpsBot.State;

namespace ChatOpsBot.Notifications.Tests;

/// <summary>The outbox survives a stop in the middle of a fan-out: every notification is delivered exactly once.</summary>
public sealed partial class RestartTests
{
    private const string TeamChannel = "19:intervenants-moodle@thread.tacv2";

    [Fact]
    public async Task Hundred_changes_with_the_bot_stopped_mid_fan_out_are_each_delivered_exactly_once()
    {
        // Small limits spread the fan-out over a few seconds, so the stop lands in the middle of it.
        await using var host = await NotificationTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:ConversationBurstLimit"] = "4",
            ["Notifications:ConversationBurstWindow"] = "00:00:00.100",
            ["Notifications:ConversationLimit"] = "1000",
            ["Notifications:PageSize"] = "7", // and the feed is read over many pages while tickets keep changing
        });
        await host.SubscribeAsync("OpenMoodle");
        await host.SubscribeAsync("équipe Intervenants Moodle", TeamChannel);
        await host.WaitForCursorAsync();

        var before = host.Teams.Sent.Count;
        var refs = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            refs.Add((await host.ConsoleCreateTicketAsync("Changement " + i)).Ref);
        }

        // 100 new tickets × 2 channels = 200 threads to start. Stop once some, not all, went out.
        await host.Teams.WaitForAsync(_ => host.Teams.Sent.Count - before >= 40, before);
        await host.StopBotAsync(0);
        var atStop = host.Teams.Sent.Count - before;
        Assert.InRange(atStop, 40, 199);

        await host.StartBotAsync();
        var clock = Stopwatch.StartNew();
        while (host.Teams.Sent.Count - before < 200 && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }

        await Task.Delay(1000); // anything extra would show up now
        var posted = host.Teams.Sent.Skip(before).Where(s => s.Card is not null && s.TargetActivityId is null).ToList();
        var perThread = posted.GroupBy(s => (s.ConversationId, Ref: RefIn(s.CardText))).ToList();
        Assert.Equal(200, posted.Count);
        Assert.All(perThread, g => Assert.Single(g));
        foreach (var reference in refs)
        {
            Assert.Contains(perThread, g => g.Key.Ref == reference && g.Key.ConversationId == NotificationTestHost.ChannelId);
            Assert.Contains(perThread, g => g.Key.Ref == reference && g.Key.ConversationId == TeamChannel);
        }

        Assert.Empty(await host.Service<IStateStore>(1).ListAsync("outbox:pending:"));
    }

    private static string RefIn(string card) => RefPattern().Match(card).Value;

    [GeneratedRegex("R-\\d{6}")]
    private static partial Regex RefPattern();
}
