using System.Globalization;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.State;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Notifications;

/// <summary>
/// One poll of iTop's change feed: the tickets whose <c>last_update</c> is after the persisted cursor (all pages, read
/// whole: one iTop query per page and no other), classified against their last snapshot, routed into the outbox; then the snapshots and the cursor advance.
/// Outbox items are written before the snapshot, with idempotency keys, so a crash anywhere repeats work but never
/// loses or doubles a notification.
/// </summary>
public sealed class ChangeFeedPoller(
    IStateStore store,
    TicketMoveStore moves,
    IServiceScopeFactory scopes,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<ChangeFeedPoller> logger)
{
    public const string CursorKey = "notify:cursor";

    // iTop stores last_update to the second: re-read the cursor's second, the snapshots filter what was already seen.
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(1);

    /// <summary>iTop change-feed queries made so far (benchmark, tests).</summary>
    public long FeedQueries => Interlocked.Read(ref _feedQueries);

    /// <summary>Polls made so far (each reads the feed once, plus its further pages).</summary>
    public long Polls => Interlocked.Read(ref _polls);

    private long _polls;
    private long _feedQueries;

    /// <summary>Polls once; returns the number of notifications queued.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var cursorEntry = await store.GetAsync(CursorKey, cancellationToken).ConfigureAwait(false);
        if (cursorEntry is null)
        {
            // First start: announce what changes from now on, not the whole history.
            await SaveCursorAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var cursor = DateTimeOffset.Parse(cursorEntry.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        await using var scope = scopes.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<ITicketDesk>();
        var router = scope.ServiceProvider.GetRequiredService<NotificationRouter>();
        var threads = scope.ServiceProvider.GetRequiredService<TicketThreadStore>();

        Interlocked.Increment(ref _polls);
        var since = cursor - Overlap;
        var (changes, complete) = await ReadFeedAsync(desk, since, cancellationToken).ConfigureAwait(false);

        var queued = 0;
        var newest = cursor;
        // A ticket read twice (pages that moved) counts once, as its newest state.
        var latest = changes.GroupBy(t => t.Id).Select(g => g.MaxBy(t => t.LastUpdate)!);
        foreach (var after in latest.OrderBy(t => t.LastUpdate).ThenBy(t => t.Id))
        {
            var before = await threads.GetSnapshotAsync(after.Id, cancellationToken).ConfigureAwait(false);
            // Same second as the snapshot: maybe a second change in that second (the classifier finds no event if not).
            if (before?.LastUpdate is { } seen && seen > after.LastUpdate)
            {
                continue;
            }

            // Read after the feed: a move the feed shows was recorded before iTop had it.
            var recorded = await moves.ListAsync(after.Id, cancellationToken).ConfigureAwait(false);
            var events = TicketEventClassifier.Classify(before, after, since, recorded);
            queued += await router.EnqueueAsync(events, cancellationToken).ConfigureAwait(false);
            await threads.SaveSnapshotAsync(after, cancellationToken).ConfigureAwait(false);
            if (after.LastUpdate is { } last && last > newest)
            {
                newest = last;
            }
        }

        // After a read whose pages kept moving, a ticket may have slipped between two pages: keep the cursor.
        if (complete && newest > cursor)
        {
            await SaveCursorAsync(newest, cancellationToken).ConfigureAwait(false);
        }

        Log.ChangeFeedPolled(logger, changes.Count, queued);
        return queued;
    }

    /// <summary>
    /// Every page of the feed. iTop pages by ref, not by date: when the total moves between pages (a ticket changed
    /// meanwhile), a page boundary may have shifted, so the read starts over (at most three times).
    /// </summary>
    private async Task<(List<Ticket> Changes, bool Complete)> ReadFeedAsync(ITicketDesk desk, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var changes = new List<Ticket>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            changes.Clear();
            int? total = null;
            var stable = true;
            for (var page = 1; ; page++)
            {
                var result = await desk.GetChangesSinceAsync(since, page, options.Value.PageSize, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _feedQueries);
                changes.AddRange(result.Items);
                stable &= total is null || total == result.Total;
                total = result.Total;
                if (!result.HasMore || result.Items.Count == 0)
                {
                    break;
                }
            }

            if (stable)
            {
                return (changes, true);
            }
        }

        return (changes, false);
    }

    private async Task SaveCursorAsync(DateTimeOffset cursor, CancellationToken cancellationToken) =>
        await store.PutAsync(CursorKey, cursor.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), StateETag.Any, cancellationToken: cancellationToken).ConfigureAwait(false);
}
