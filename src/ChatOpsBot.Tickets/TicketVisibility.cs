namespace ChatOpsBot.Tickets;

/// <summary>
/// The tickets a person may see when not every ticket is theirs to see: any one of these holds (OR). Mirrors the
/// "see" rule of the bot's rights (requester, agent, a team of theirs, a school they support, a service of a brique
/// their teams serve), so a search never lists a ticket the card would then refuse.
/// </summary>
public sealed record TicketVisibility(int PersonId)
{
    public IReadOnlyList<int> TeamIds { get; init; } = [];

    public IReadOnlyList<int> OrgIds { get; init; } = [];

    public IReadOnlyList<int> ServiceIds { get; init; } = [];
}
