namespace ChatOpsBot.Tickets.Events;

/// <summary>Something that happened to a ticket through the bot; notifications consume these.</summary>
public abstract record TicketEvent(int TicketId, string Ref, Actor Actor);
