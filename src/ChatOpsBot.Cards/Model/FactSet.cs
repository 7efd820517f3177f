namespace ChatOpsBot.Cards.Model;

public sealed record FactSet : CardElement
{
    public IReadOnlyList<Fact> Facts { get; init; } = [];
}
