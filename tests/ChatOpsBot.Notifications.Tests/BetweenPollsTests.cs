using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Notifications;

namespace ChatOpsBot.Notifications.Tests;

/// <summary>Several console moves between two polls reach the thread as several events, in order (iTop's dated moves).</summary>
public sealed class BetweenPollsTests
{
    [Fact]
    public async Task Assigned_resolved_and_closed_between_two_polls_are_three_replies_and_the_school_hears_of_the_resolution()
    {
        await using var host = await NotificationTestHost.StartAsync(new Dictionary<string, string?> { ["Notifications:Enabled"] = "false" });
        await host.SubscribeAsync("OpenMoodle");
        await host.SubscribeAsync("école INSA Lyon", NotificationTestHost.SchoolChannelId);
        var poller = host.Service<ChangeFeedPoller>();
        var deliverer = host.Service<OutboxDeliverer>();
        await poller.PollOnceAsync(CancellationToken.None);
        await host.NextSecondAsync(); // after the cursor's second (iTop's grain)

        var (id, reference) = await host.ConsoleCreateTicketAsync("Plusieurs étapes");
        await poller.PollOnceAsync(CancellationToken.None);
        Assert.Null(await deliverer.DrainOnceAsync(CancellationToken.None));
        var root = host.Teams.Sent.Single(s => s.ConversationId == NotificationTestHost.ChannelId && s.TargetActivityId is null && s.CardText.Contains(reference, StringComparison.Ordinal));

        var before = host.Teams.Sent.Count;
        await host.ConsoleStimulusAsync(id, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 5 });
        await host.NextSecondAsync(); // distinct seconds, as when people act one after the other
        await host.ConsoleStimulusAsync(id, "ev_resolve", new JsonObject { ["solution"] = "Compte réactivé" });
        await host.NextSecondAsync();
        await host.ConsoleStimulusAsync(id, "ev_close", new JsonObject());
        await poller.PollOnceAsync(CancellationToken.None);
        Assert.Null(await deliverer.DrainOnceAsync(CancellationToken.None));

        var replies = host.Teams.Sent.Skip(before).Where(s => s.Method == "POST" && s.TargetActivityId == root.Id).Select(s => s.Text ?? "").ToList();
        Assert.Equal(3, replies.Count);
        Assert.Contains(reference + " assigné à", replies[0], StringComparison.Ordinal);
        Assert.Contains(reference + " résolu", replies[1], StringComparison.Ordinal);
        Assert.Contains(reference + " fermé", replies[2], StringComparison.Ordinal);
        var school = Assert.Single(host.Teams.Sent.Skip(before), s => s.ConversationId == NotificationTestHost.SchoolChannelId && s.TargetActivityId is null);
        Assert.Contains(reference + " résolu", school.Text, StringComparison.Ordinal);
    }
}
