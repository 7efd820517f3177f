using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing;

/// <summary>
/// What Teams renders on 1.5 cards beyond the vendored 1.5.0 schema, taken from the 1.6.0 file: the <c>filtered</c>
/// choice-set style (typeahead) and <c>choices.data</c> (<c>Data.Query</c>: dynamic and dependent choice sets), plus the
/// <c>associatedInputs</c> Teams documents for dependent inputs ("Typeahead search in Adaptive Cards", Microsoft Learn)
/// and the 1.6.0 file predates.
/// </summary>
public static class AdaptiveCardSchemaPatch
{
    /// <summary>Patches the 1.5.0 schema's <paramref name="root"/> in place.</summary>
    public static void Apply(JsonObject root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var newer = JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.Schemas, "adaptive-card-1.6.0.json")))!;
        var definitions = root["definitions"]!;
        definitions["ChoiceInputStyle"] = newer["definitions"]!["ChoiceInputStyle"]!.DeepClone();
        var query = newer["definitions"]!["Data.Query"]!.DeepClone();
        query["properties"]!["associatedInputs"] = new JsonObject { ["enum"] = new JsonArray("auto", "none") };
        definitions["Data.Query"] = query;
        definitions["Input.ChoiceSet"]!["properties"]!["choices.data"] =
            newer["definitions"]!["Input.ChoiceSet"]!["properties"]!["choices.data"]!.DeepClone();
    }
}
