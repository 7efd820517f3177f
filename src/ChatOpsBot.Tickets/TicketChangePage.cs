namespace ChatOpsBot.Tickets;

/// <summary>One page of the change feed, oldest first.</summary>
public sealed record TicketChangePage(IReadOnlyList<TicketChange> Items, int Total, int Page, int PageSize)
{
    public bool HasMore => Page * PageSize < Total;
}
