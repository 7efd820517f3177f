namespace ChatOpsBot.Cards.Model;

/// <summary>Shows or hides elements of the card on the client, without a round trip (Adaptive Cards 1.2, supported by Teams).</summary>
public sealed record ActionToggleVisibility : CardAction
{
    public required IReadOnlyList<TargetElement> TargetElements { get; init; }
}
