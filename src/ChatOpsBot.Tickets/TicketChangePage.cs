namespace ChatOpsBot.Tickets;

/// <summary>
/// One page of the change feed: the tickets modified since a cursor, oldest first, read whole so that their events can
/// be classified without another read.
/// </summary>
public sealed record TicketChangePage(IReadOnlyList<Ticket> Items, int Total, int Page, int PageSize)
{
    public bool HasMore => Page * PageSize < Total;
}
