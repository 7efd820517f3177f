namespace ChatOpsBot.Tickets;

/// <summary>
/// A ticket modified since a cursor (change feed), read whole so that its events can be classified without another
/// read; <see cref="LastUpdate"/> is the next cursor candidate.
/// </summary>
public sealed record TicketChange(Ticket Ticket)
{
    public int TicketId => Ticket.Id;

    public string Ref => Ticket.Ref;

    public TicketStatus Status => Ticket.Status;

    public DateTimeOffset LastUpdate => Ticket.LastUpdate ?? DateTimeOffset.MinValue;
}
