namespace ChatOpsBot.Tickets.Lifecycle;

/// <summary>A validated change that is not a move (a case-log entry, another approver): the state stays.</summary>
public sealed record TicketUpdate(int TicketId, TicketChanges Changes) : TicketWrite(TicketId, Changes);
