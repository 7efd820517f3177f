using ChatOpsBot.Tickets.Lifecycle;

namespace ChatOpsBot.Tickets.Events;

/// <summary>A stimulus was applied (assigned, pending, resolved…); the ticket is the state iTop returned.</summary>
public sealed record TicketStatusChanged(int TicketId, string Ref, Actor Actor, TicketStimulus Stimulus, TicketStatus From, TicketStatus To)
    : TicketEvent(TicketId, Ref, Actor);
