using System.Text.Json.Serialization;

namespace ChatOpsBot.Cards.Model;

/// <summary>
/// <c>choices.data</c> of an Input.ChoiceSet: Teams asks the bot for the choices (an <c>application/search</c> invoke
/// naming <see cref="Dataset"/>) as the user types; with <see cref="AssociatedInputs"/> <c>auto</c> the card's other input
/// values come along, so a list can depend on another input (a brique's services, a team's agents).
/// </summary>
public sealed record DataQuery(string Dataset)
{
    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "Data.Query";

    public AssociatedInputs? AssociatedInputs { get; init; }
}
