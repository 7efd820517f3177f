namespace ChatOpsBot.Cards.Model;

public sealed record ActionSet : CardElement
{
    public IReadOnlyList<CardAction> Actions { get; init; } = [];
}
