using System.Text.Json.Serialization;

namespace ChatOpsBot.Cards.Model;

/// <summary>A run of plain text inside a <see cref="RichTextBlock"/> (markdown is not interpreted).</summary>
public sealed record TextRun
{
    public TextRun(string text) => Text = text;

    [JsonPropertyOrder(-1)]
    public string Type { get; } = "TextRun";

    public string Text { get; init; }

    public TextColor? Color { get; init; }

    public TextWeight? Weight { get; init; }

    public bool? Italic { get; init; }

    public bool? IsSubtle { get; init; }
}
