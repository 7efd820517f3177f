namespace ChatOpsBot.Cards;

/// <summary>
/// The datasets of the cards' dependent choice sets (<see cref="Model.DataQuery"/>), answered by the bot's
/// <c>application/search</c> invoke from the other inputs of the card.
/// </summary>
public static class CardDatasets
{
    /// <summary>New-ticket form: the services of the chosen brique (input <see cref="CardInputIds.Brique"/>).</summary>
    public const string Services = "services";

    /// <summary>New-ticket form: the sub-services of the chosen service (input <see cref="CardInputIds.Service"/>).</summary>
    public const string SubServices = "subServices";

    /// <summary>Assign form: the agents of the chosen team (input <see cref="CardInputIds.AssignTeam"/>).</summary>
    public const string TeamAgents = "teamAgents";

    public static IReadOnlyList<string> All { get; } = [Services, SubServices, TeamAgents];
}
