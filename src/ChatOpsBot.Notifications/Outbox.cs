using System.Globalization;
using System.Text.Json;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.State;

namespace ChatOpsBot.Notifications;

/// <summary>
/// The notification outbox in <see cref="IStateStore"/>: <c>outbox:pending:{order}:{key}</c> until delivered, then
/// <c>outbox:done:{key}</c> (kept <see cref="DoneRetention"/>) so that a change classified again after a crash is not
/// delivered twice.
/// </summary>
public sealed class Outbox(IStateStore store)
{
    public static readonly TimeSpan DoneRetention = TimeSpan.FromDays(30);
    private const string PendingPrefix = "outbox:pending:";
    private const string DonePrefix = "outbox:done:";

    /// <summary>Queues an item; false when it is already queued or delivered.</summary>
    public async Task<bool> EnqueueAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (await store.GetAsync(DonePrefix + item.IdempotencyKey, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        var json = JsonSerializer.Serialize(item, NotificationJsonContext.Default.OutboxItem);
        return await store.PutAsync(PendingKey(item), json, null, cancellationToken: cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <summary>Pending items, oldest change first.</summary>
    public async Task<IReadOnlyList<OutboxItem>> ListPendingAsync(int limit, CancellationToken cancellationToken)
    {
        var entries = await store.ListAsync(PendingPrefix, limit, cancellationToken).ConfigureAwait(false);
        return entries.Select(e => JsonSerializer.Deserialize(e.Value, NotificationJsonContext.Default.OutboxItem)!).ToList();
    }

    /// <summary>Marks an item delivered (or given up, with the reason) and removes it from the pending list.</summary>
    public async Task CompleteAsync(OutboxItem item, string outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await store.PutAsync(DonePrefix + item.IdempotencyKey, outcome, StateETag.Any, DoneRetention, cancellationToken).ConfigureAwait(false);
        await RemovePendingAsync(item, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the item from the pending list only (what <see cref="CompleteAsync"/> does after the done mark).</summary>
    public Task RemovePendingAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return store.DeleteAsync(PendingKey(item), cancellationToken: cancellationToken);
    }

    /// <summary>True once the item was delivered (or given up).</summary>
    public async Task<bool> IsDoneAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        await store.GetAsync(DonePrefix + idempotencyKey, cancellationToken).ConfigureAwait(false) is not null;

    private static string PendingKey(OutboxItem item) =>
        PendingPrefix + item.Order.ToString("D19", CultureInfo.InvariantCulture) + ":" + item.IdempotencyKey;
}
