using System.Text.Json.Serialization;

namespace ChatOpsBot.Cards.Model;

/// <summary>A body element of an Adaptive Card; the <c>type</c> discriminator comes from the derived type.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(InputText), "Input.Text")]
[JsonDerivedType(typeof(InputChoiceSet), "Input.ChoiceSet")]
[JsonDerivedType(typeof(InputToggle), "Input.Toggle")]
public abstract record CardElement
{
    [JsonPropertyOrder(-10)]
    public string? Id { get; init; }

    [JsonPropertyOrder(20)]
    public Spacing? Spacing { get; init; }

    [JsonPropertyOrder(21)]
    public bool? Separator { get; init; }

    [JsonPropertyOrder(22)]
    public bool? IsVisible { get; init; }
}
