namespace ChatOpsBot.Cards.Model;

public sealed record RichTextBlock : CardElement
{
    public IReadOnlyList<TextRun> Inlines { get; init; } = [];
}
