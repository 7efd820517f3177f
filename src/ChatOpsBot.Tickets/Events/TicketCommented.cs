namespace ChatOpsBot.Tickets.Events;

public sealed record TicketCommented(int TicketId, string Ref, Actor Actor, bool IsPublic) : TicketEvent(TicketId, Ref, Actor);
