namespace ChatOpsBot.Tickets;

/// <summary>
/// The ticket as read under the write lock (null: the store has no such ticket, nothing was planned), and as the store
/// answered the write (null when nothing was written).
/// </summary>
public sealed record TicketWriteResult(Ticket? Read, Ticket? Written);
