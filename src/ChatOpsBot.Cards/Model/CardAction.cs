using System.Text.Json.Serialization;

namespace ChatOpsBot.Cards.Model;

/// <summary>An Adaptive Card action; the <c>type</c> discriminator comes from the derived type.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ActionExecute), "Action.Execute")]
[JsonDerivedType(typeof(ActionSubmit), "Action.Submit")]
[JsonDerivedType(typeof(ActionShowCard), "Action.ShowCard")]
[JsonDerivedType(typeof(ActionOpenUrl), "Action.OpenUrl")]
[JsonDerivedType(typeof(ActionToggleVisibility), "Action.ToggleVisibility")]
public abstract record CardAction
{
    [JsonPropertyOrder(-10)]
    public string? Id { get; init; }

    [JsonPropertyOrder(-9)]
    public string? Title { get; init; }

    [JsonPropertyOrder(10)]
    public ActionStyle? Style { get; init; }

    [JsonPropertyOrder(11)]
    public string? Tooltip { get; init; }

    /// <summary>What an older client shows instead (an equivalent action).</summary>
    [JsonPropertyOrder(20)]
    public CardAction? Fallback { get; init; }
}
