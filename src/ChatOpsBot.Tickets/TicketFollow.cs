namespace ChatOpsBot.Tickets;

/// <summary>
/// What a digest follows: a ticket matches when it matches <b>any</b> criterion given (OR), e.g. a channel's brique
/// (its services), team and school subscriptions together, or a person's own tickets and queues.
/// </summary>
public sealed record TicketFollow
{
    public IReadOnlyList<int> ServiceIds { get; init; } = [];

    public IReadOnlyList<int> TeamIds { get; init; } = [];

    public IReadOnlyList<int> OrgIds { get; init; } = [];

    /// <summary>Tickets these people asked for (caller) or are assigned to (agent).</summary>
    public IReadOnlyList<int> PersonIds { get; init; } = [];

    public bool IsEmpty => ServiceIds.Count == 0 && TeamIds.Count == 0 && OrgIds.Count == 0 && PersonIds.Count == 0;
}
