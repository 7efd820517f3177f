using System.Text.Json.Serialization;

namespace ChatOpsBot.Cards.Model;

/// <summary>Automatic refresh for the listed Teams users (MRIs <c>29:...</c>, at most 60).</summary>
public sealed record CardRefresh
{
    public const int MaxUserIds = 60;

    [JsonIgnore]
    public required ActionExecute Action { get; init; }

    public IReadOnlyList<string>? UserIds { get; init; }

    // Declared as the polymorphic base so that the "type": "Action.Execute" discriminator is written.
    [JsonInclude]
    [JsonPropertyName("action")]
    [JsonPropertyOrder(-1)]
    internal CardAction SerializedAction => Action;
}
