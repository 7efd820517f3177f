using System.Text.Json.Serialization;

namespace ChatOpsBot.Cards.Model;

public sealed record InputChoiceSet : CardInput
{
    public IReadOnlyList<InputChoice> Choices { get; init; } = [];

    /// <summary>Choices Teams asks the bot for as the user types (the static <see cref="Choices"/> stay for other clients).</summary>
    [JsonPropertyName("choices.data")]
    public DataQuery? ChoicesData { get; init; }

    public ChoiceInputStyle? Style { get; init; }

    public string? Value { get; init; }

    public string? Placeholder { get; init; }

    public bool? IsMultiSelect { get; init; }

    public bool? Wrap { get; init; }
}
