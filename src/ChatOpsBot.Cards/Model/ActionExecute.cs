namespace ChatOpsBot.Cards.Model;

/// <summary>Universal Action: Teams sends an <c>adaptiveCard/action</c> invoke.</summary>
public sealed record ActionExecute : CardAction
{
    public string? Verb { get; init; }

    public CardActionData? Data { get; init; }

    public AssociatedInputs? AssociatedInputs { get; init; }
}
