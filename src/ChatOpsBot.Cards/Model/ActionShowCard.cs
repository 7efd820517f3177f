namespace ChatOpsBot.Cards.Model;

/// <summary>Shows an inline sub-card (used for the ticket actions' small forms).</summary>
public sealed record ActionShowCard : CardAction
{
    public required AdaptiveCard Card { get; init; }
}
