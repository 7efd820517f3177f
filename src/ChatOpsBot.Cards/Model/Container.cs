namespace ChatOpsBot.Cards.Model;

public sealed record Container : CardElement
{
    public ContainerStyle? Style { get; init; }

    public IReadOnlyList<CardElement> Items { get; init; } = [];
}
