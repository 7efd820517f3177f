using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Notifications;

namespace ChatOpsBot.Notifications.Tests;

/// <summary>
/// The exact side of the notifications benchmark (its latency and rate figures are the <c>notify</c> run's, in
/// tests/ChatOpsBot.Benchmarks): each console change posted once to each channel that follows its brique or team,
/// nothing posted again by a later poll, one change-feed query per poll before and after more subscriptions (the
/// requests themselves: <see cref="FeedQueryTests"/>). The poller and the outbox are driven by hand
/// (<c>Notifications:Enabled=false</c>), so that every poll is counted whole.
/// </summary>
public sealed class PostedOnceTests
{
    private const string TeamChannel = "19:team-a@thread.tacv2";

    [Fact]
    public async Task Each_console_change_is_posted_once_per_following_channel_with_one_feed_query_per_poll()
    {
        await using var host = await NotificationTestHost.StartAsync(new Dictionary<string, string?> { ["Notifications:Enabled"] = "false" });
        var poller = host.Service<ChangeFeedPoller>();
        await host.SubscribeAsync("OpenMoodle");
        Assert.Equal(0, await poller.PollOnceAsync(CancellationToken.None)); // the first poll only sets the cursor
        await host.WaitForCursorAsync();

        var oneSubscription = await CreateThenPollAsync(host, changes: 3);
        await host.SubscribeAsync("équipe Intervenants Moodle", TeamChannel);
        await host.SubscribeAsync("école INSA Lyon", NotificationTestHost.SchoolChannelId);
        var threeSubscriptions = await CreateThenPollAsync(host, changes: 3);
        var again = await CreateThenPollAsync(host, changes: 0);

        Assert.Equal((1L, 3), (oneSubscription.FeedQueries, oneSubscription.Queued));
        Assert.Equal((1L, 6), (threeSubscriptions.FeedQueries, threeSubscriptions.Queued));
        Assert.Equal((1L, 0), (again.FeedQueries, again.Queued));

        // One new thread per ticket in each channel following its brique or team; the school channel hears of resolutions only.
        var threads = host.Teams.Sent.Where(s => s.Method == "POST" && s.TargetActivityId is null && s.Card is not null).ToList();
        foreach (var reference in oneSubscription.Refs)
        {
            Assert.Equal([NotificationTestHost.ChannelId], ChannelsOf(threads, reference));
        }

        foreach (var reference in threeSubscriptions.Refs)
        {
            Assert.Equal([NotificationTestHost.ChannelId, TeamChannel], ChannelsOf(threads, reference));
        }
    }

    /// <summary>Creates tickets in the console, polls once and delivers what was queued (within the limits: nothing held back).</summary>
    private static async Task<(List<string> Refs, long FeedQueries, int Queued)> CreateThenPollAsync(NotificationTestHost host, int changes)
    {
        var refs = new List<string>();
        for (var i = 0; i < changes; i++)
        {
            refs.Add((await host.ConsoleCreateTicketAsync("Lot " + i)).Ref);
        }

        var poller = host.Service<ChangeFeedPoller>();
        var before = poller.FeedQueries;
        var queued = await poller.PollOnceAsync(CancellationToken.None);
        var feedQueries = poller.FeedQueries - before;
        Assert.Null(await host.Service<OutboxDeliverer>().DrainOnceAsync(CancellationToken.None));
        return (refs, feedQueries, queued);
    }

    private static List<string> ChannelsOf(List<SentActivity> threads, string reference) =>
        threads.Where(s => s.CardText.Contains(reference, StringComparison.Ordinal)).Select(s => s.ConversationId).Order(StringComparer.Ordinal).ToList();
}
