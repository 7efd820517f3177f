namespace ChatOpsBot.Tickets.Events;

public sealed record TicketCreated(int TicketId, string Ref, Actor Actor) : TicketEvent(TicketId, Ref, Actor);
