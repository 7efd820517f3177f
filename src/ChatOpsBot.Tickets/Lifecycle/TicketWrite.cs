namespace ChatOpsBot.Tickets.Lifecycle;

/// <summary>
/// One validated write to one ticket, decided on the ticket as the store has it now: a stimulus
/// (<see cref="TicketTransition"/>) or a plain update (<see cref="TicketUpdate"/>), with the attributes and the case-log
/// text it carries. The desk sends it as exactly one call.
/// </summary>
public abstract record TicketWrite(int TicketId, TicketChanges Changes);
