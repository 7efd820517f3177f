using System.Text.Json.Serialization;

namespace ChatOpsBot.Cards.Model;

/// <summary>Common properties of the Input.* elements (id is required by the schema).</summary>
public abstract record CardInput : CardElement
{
    [JsonPropertyOrder(-9)]
    public string? Label { get; init; }

    [JsonPropertyOrder(10)]
    public bool? IsRequired { get; init; }

    [JsonPropertyOrder(11)]
    public string? ErrorMessage { get; init; }
}
