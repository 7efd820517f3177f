using System.Text.Json.Serialization;

namespace ChatOpsBot.Cards.Model;

public sealed record Column
{
    [JsonPropertyOrder(-1)]
    public string Type { get; } = "Column";

    /// <summary><c>auto</c>, <c>stretch</c>, a weight such as <c>2</c>, or pixels such as <c>50px</c>.</summary>
    public string? Width { get; init; }

    public VerticalAlignment? VerticalContentAlignment { get; init; }

    public IReadOnlyList<CardElement> Items { get; init; } = [];
}
