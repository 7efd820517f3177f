namespace ChatOpsBot.Tickets;

/// <summary>One page of tickets; <paramref name="Total"/> is iTop's count of all matches.</summary>
public sealed record TicketPage(IReadOnlyList<Ticket> Items, int Total, int Page, int PageSize)
{
    public bool HasMore => Page * PageSize < Total;
}
