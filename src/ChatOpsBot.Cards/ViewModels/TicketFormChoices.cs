namespace ChatOpsBot.Cards.ViewModels;

/// <summary>Choice lists and pre-filled values of the ticket card's sub-forms.</summary>
public sealed record TicketFormChoices
{
    /// <summary>Assign: teams that serve the brique.</summary>
    public IReadOnlyList<ChoiceOption> Teams { get; init; } = [];

    public string? SelectedTeam { get; init; }

    /// <summary>Assign: agents of <see cref="SelectedTeam"/>.</summary>
    public IReadOnlyList<ChoiceOption> TeamAgents { get; init; } = [];

    /// <summary>Assign: the agent pre-selected (the ticket's, when they belong to <see cref="SelectedTeam"/>).</summary>
    public string? SelectedAgent { get; init; }

    /// <summary>Assign: the agents also as a dependent choice set following the team (<c>choices.data</c>).</summary>
    public bool DependentChoices { get; init; } = true;

    /// <summary>Assign: the ticket type, pre-filled (<c>incident</c> or <c>service_request</c>).</summary>
    public string? TicketType { get; init; }

    /// <summary>Reassign: the other agents who may take the ticket.</summary>
    public IReadOnlyList<ChoiceOption> ReassignAgents { get; init; } = [];

    /// <summary>Resolve: services of the brique, <see cref="SelectedService"/> pre-filled.</summary>
    public IReadOnlyList<ChoiceOption> Services { get; init; } = [];

    public string? SelectedService { get; init; }

    public IReadOnlyList<ChoiceOption> SubServices { get; init; } = [];

    public string? SelectedSubService { get; init; }
}
