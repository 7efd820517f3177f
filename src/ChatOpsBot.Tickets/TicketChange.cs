namespace ChatOpsBot.Tickets;

/// <summary>A ticket modified since a cursor (change feed); <paramref name="LastUpdate"/> is the next cursor candidate.</summary>
public sealed record TicketChange(int TicketId, string Ref, TicketStatus Status, string Title, DateTimeOffset LastUpdate);
