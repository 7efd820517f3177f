namespace ChatOpsBot.Cards.ViewModels;

/// <summary>The new-ticket form: choice lists, the values typed so far and the errors by input id.</summary>
public sealed record NewTicketFormModel
{
    public required string DraftId { get; init; }

    public IReadOnlyList<ChoiceOption> Briques { get; init; } = [];

    public string? Brique { get; init; }

    /// <summary>Services of the selected brique (empty until a brique is chosen).</summary>
    public IReadOnlyList<ChoiceOption> Services { get; init; } = [];

    public string? Service { get; init; }

    public IReadOnlyList<ChoiceOption> SubServices { get; init; } = [];

    /// <summary>Services and sub-services also as dependent choice sets (<c>choices.data</c>), for clients that send <c>application/search</c>.</summary>
    public bool DependentChoices { get; init; } = true;

    public string? SubService { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>People of the school on whose behalf the ticket may be opened.</summary>
    public IReadOnlyList<ChoiceOption> People { get; init; } = [];

    public string? OnBehalfOf { get; init; }

    public string? SchoolReference { get; init; }

    public string? UserWords { get; init; }

    /// <summary><c>incident</c> or <c>service_request</c>.</summary>
    public string? TicketType { get; init; }

    /// <summary>iTop urgency, <c>1</c> (critical) to <c>4</c> (low).</summary>
    public string? Urgency { get; init; }

    public bool NeedsApproval { get; init; }

    /// <summary>Errors by input id (see <see cref="CardInputIds"/>), each shown in red under its input.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    /// <summary>An error about the whole form, shown on top.</summary>
    public string? FormError { get; init; }
}
