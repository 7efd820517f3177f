namespace ChatOpsBot.Cards.Model;

public sealed record ColumnSet : CardElement
{
    public IReadOnlyList<Column> Columns { get; init; } = [];
}
