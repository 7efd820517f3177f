using System.Globalization;
using System.Text.Json;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.State;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Notifications;

/// <summary>
/// Per (ticket, channel): the thread whose root message is the ticket card (<c>thread:{ticketId}:{conversation}</c>),
/// and the ticket as the change feed last saw it (<c>notify:snap:{ticketId}</c>).
/// </summary>
public sealed class TicketThreadStore(IStateStore store)
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(180);

    public async Task<TicketThread?> GetAsync(int ticketId, string conversationId, CancellationToken cancellationToken)
    {
        var entry = await store.GetAsync(ThreadKey(ticketId, conversationId), cancellationToken).ConfigureAwait(false);
        return entry is null ? null : JsonSerializer.Deserialize(entry.Value, NotificationJsonContext.Default.TicketThread);
    }

    public Task SaveAsync(TicketThread thread, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(thread);
        var json = JsonSerializer.Serialize(thread, NotificationJsonContext.Default.TicketThread);
        return store.PutAsync(ThreadKey(thread.TicketId, thread.ConversationId), json, StateETag.Any, Retention, cancellationToken);
    }

    /// <summary>The channels where the ticket already has a thread.</summary>
    public async Task<IReadOnlyList<TicketThread>> ListByTicketAsync(int ticketId, CancellationToken cancellationToken)
    {
        var entries = await store.ListAsync(ThreadKey(ticketId, string.Empty), cancellationToken: cancellationToken).ConfigureAwait(false);
        return entries.Select(e => JsonSerializer.Deserialize(e.Value, NotificationJsonContext.Default.TicketThread)!).ToList();
    }

    public async Task<Ticket?> GetSnapshotAsync(int ticketId, CancellationToken cancellationToken)
    {
        var entry = await store.GetAsync(SnapshotKey(ticketId), cancellationToken).ConfigureAwait(false);
        return entry is null ? null : JsonSerializer.Deserialize(entry.Value, NotificationJsonContext.Default.Ticket);
    }

    public Task SaveSnapshotAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return store.PutAsync(SnapshotKey(ticket.Id), JsonSerializer.Serialize(ticket, NotificationJsonContext.Default.Ticket), StateETag.Any, Retention, cancellationToken);
    }

    private static string ThreadKey(int ticketId, string conversationId) =>
        "thread:" + ticketId.ToString(CultureInfo.InvariantCulture) + ":" + conversationId;

    private static string SnapshotKey(int ticketId) => "notify:snap:" + ticketId.ToString(CultureInfo.InvariantCulture);
}
