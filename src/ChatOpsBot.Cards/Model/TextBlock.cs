namespace ChatOpsBot.Cards.Model;

public sealed record TextBlock : CardElement
{
    public TextBlock(string text) => Text = text;

    public string Text { get; init; }

    public TextColor? Color { get; init; }

    public TextSize? Size { get; init; }

    public TextWeight? Weight { get; init; }

    public bool? IsSubtle { get; init; }

    public bool? Wrap { get; init; }

    public int? MaxLines { get; init; }
}
