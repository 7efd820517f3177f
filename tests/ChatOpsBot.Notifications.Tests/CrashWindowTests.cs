using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Notifications;
using ChatOpsBot.State;

namespace ChatOpsBot.Notifications.Tests;

/// <summary>
/// A crash after the outbox was written but before the snapshot and cursor moved makes the next poll classify the
/// same change again: it must queue nothing new, before and after delivery. A crash after a post was recorded
/// (its thread saved, or its done mark written) but before the item left the outbox must not send it again.
/// </summary>
public sealed class CrashWindowTests
{
    // The test polls and delivers by hand: no hosted job.
    private static readonly Dictionary<string, string?> ByHand = new() { ["Notifications:Enabled"] = "false" };

    [Fact]
    public async Task Reclassifying_a_change_after_a_crash_queues_and_delivers_nothing_twice()
    {
        await using var host = await NotificationTestHost.StartAsync(ByHand);
        var (poller, deliverer, store) = await StartWatchingAsync(host);
        var cursor = (await store.GetAsync(ChangeFeedPoller.CursorKey))!.Value;

        var before = host.Teams.Sent.Count;
        var (id, reference) = await host.ConsoleCreateTicketAsync("Crash");
        Assert.Equal(1, await poller.PollOnceAsync(CancellationToken.None));

        await ForgetProgressAsync(store, id, cursor);
        Assert.Equal(0, await poller.PollOnceAsync(CancellationToken.None));
        Assert.Single(await store.ListAsync("outbox:pending:"));

        Assert.Null(await deliverer.DrainOnceAsync(CancellationToken.None));
        await ForgetProgressAsync(store, id, cursor);
        Assert.Equal(0, await poller.PollOnceAsync(CancellationToken.None));
        Assert.Null(await deliverer.DrainOnceAsync(CancellationToken.None));

        Assert.Single(host.Teams.Sent.Skip(before), s => s.CardText.Contains(reference, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)] // killed after the thread was saved, before the item was marked done
    [InlineData(true)] // killed after the done mark, before the pending item was deleted
    public async Task An_item_whose_post_was_recorded_is_not_sent_again_after_a_crash(bool doneMarked)
    {
        await using var host = await NotificationTestHost.StartAsync(ByHand);
        var (poller, deliverer, store) = await StartWatchingAsync(host);

        var (_, reference) = await host.ConsoleCreateTicketAsync("Crash après l'envoi");
        Assert.Equal(1, await poller.PollOnceAsync(CancellationToken.None));
        var pending = Assert.Single(await store.ListAsync("outbox:pending:"));
        var before = host.Teams.Sent.Count;
        Assert.Null(await deliverer.DrainOnceAsync(CancellationToken.None));
        Assert.Single(host.Teams.Sent.Skip(before));

        // The state a SIGKILL leaves between the deliverer's writes (the root post and its thread are recorded).
        await store.PutAsync(pending.Key, pending.Value, null);
        if (!doneMarked)
        {
            var done = Assert.Single(await store.ListAsync("outbox:done:"));
            Assert.True(await store.DeleteAsync(done.Key));
        }

        Assert.Null(await deliverer.DrainOnceAsync(CancellationToken.None));
        var sent = Assert.Single(host.Teams.Sent.Skip(before));
        Assert.Contains(reference, sent.CardText, StringComparison.Ordinal);
        Assert.Empty(await store.ListAsync("outbox:pending:"));
        Assert.Single(await store.ListAsync("outbox:done:"));
    }

    /// <summary>A subscribed channel and a first poll (the cursor), then the next second (iTop dates are to the second).</summary>
    private static async Task<(ChangeFeedPoller Poller, OutboxDeliverer Deliverer, IStateStore Store)> StartWatchingAsync(NotificationTestHost host)
    {
        await host.SubscribeAsync("OpenMoodle");
        var poller = host.Service<ChangeFeedPoller>();
        Assert.Equal(0, await poller.PollOnceAsync(CancellationToken.None));
        await host.NextSecondAsync();
        return (poller, host.Service<OutboxDeliverer>(), host.Service<IStateStore>());
    }

    private static async Task ForgetProgressAsync(IStateStore store, int ticketId, string cursor)
    {
        Assert.True(await store.DeleteAsync("notify:snap:" + ticketId));
        await store.PutAsync(ChangeFeedPoller.CursorKey, cursor, StateETag.Any);
    }
}
