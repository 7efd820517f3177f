namespace ChatOpsBot.Cards.ViewModels;

public sealed record TicketListCardModel
{
    public required TicketListScope Scope { get; init; }

    public IReadOnlyList<TicketListRow> Rows { get; init; } = [];

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageCount { get; init; } = 1;

    public int TotalCount { get; init; }
}
