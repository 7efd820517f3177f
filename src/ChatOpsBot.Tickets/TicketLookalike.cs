namespace ChatOpsBot.Tickets;

/// <summary>
/// A ticket about to be created, as the duplicate check sees it: open tickets of <see cref="OrgId"/> on the same
/// sub-service for the same caller, or whose title contains one of <see cref="TitleWords"/>.
/// </summary>
public sealed record TicketLookalike
{
    public required int OrgId { get; init; }

    public int? CallerId { get; init; }

    public int? SubServiceId { get; init; }

    public IReadOnlyList<string> TitleWords { get; init; } = [];

    public bool IsEmpty => (CallerId is null || SubServiceId is null) && TitleWords.Count == 0;
}
