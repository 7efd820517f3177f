using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Notifications;

/// <summary>
/// One classified change. <paramref name="ChangeId"/> identifies it for idempotency (the ticket's last update, the kind,
/// and for a log entry its date), so classifying the same before/after again yields the same id. <paramref name="Sequence"/>
/// is its rank among the events of the same change (they are delivered in that order).
/// </summary>
public sealed record TicketEvent(TicketEventKind Kind, Ticket Ticket, string ChangeId, TicketLogEntry? LogEntry = null, int Sequence = 0)
{
    /// <summary>The Teams person who made the change, when it was made from Teams (null: made in the iTop console, or unknown).</summary>
    public string? Actor { get; init; }

    /// <summary>The iTop person id of <see cref="Actor"/>, when the bot recorded the write (null: named from a case-log entry, or nobody).</summary>
    public int? ActorId { get; init; }
}
