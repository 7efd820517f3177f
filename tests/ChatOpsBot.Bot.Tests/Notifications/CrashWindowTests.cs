using ChatOpsBot.Bot.Notifications;
using ChatOpsBot.State;

namespace ChatOpsBot.Bot.Tests.Notifications;

/// <summary>
/// A crash after the outbox was written but before the snapshot and cursor moved makes the next poll classify the
/// same change again: it must queue nothing new, before and after delivery.
/// </summary>
public sealed class CrashWindowTests
{
    [Fact]
    public async Task Reclassifying_a_change_after_a_crash_queues_and_delivers_nothing_twice()
    {
        await using var host = await NotificationTestHost.StartAsync(new Dictionary<string, string?> { ["Notifications:Enabled"] = "false" });
        await host.SubscribeAsync("OpenMoodle");
        var poller = host.Service<ChangeFeedPoller>();
        var deliverer = host.Service<OutboxDeliverer>();
        var store = host.Service<IStateStore>();
        Assert.Equal(0, await poller.PollOnceAsync(CancellationToken.None));
        var cursor = (await store.GetAsync(ChangeFeedPoller.CursorKey))!.Value;
        await Task.Delay(1100);

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

    private static async Task ForgetProgressAsync(IStateStore store, int ticketId, string cursor)
    {
        Assert.True(await store.DeleteAsync("notify:snap:" + ticketId));
        await store.PutAsync(ChangeFeedPoller.CursorKey, cursor, StateETag.Any);
    }
}
