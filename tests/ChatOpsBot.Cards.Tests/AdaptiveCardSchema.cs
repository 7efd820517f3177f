using System.Text.Json.Nodes;
using ChatOpsBot.Testing;
using NJsonSchema;

namespace ChatOpsBot.Cards.Tests;

/// <summary>
/// Validates card JSON against the vendored Adaptive Card 1.5.0 schema. The root <c>msteams</c> property is
/// stripped first (Teams-only, the schema forbids it). The schema is patched in one place: Teams renders the
/// <c>filtered</c> choice-set style (typeahead) on 1.5 cards, which the 1.5.0 file predates; the patch copies
/// the 1.6.0 definition of <c>ChoiceInputStyle</c>. Teams also reads <c>choices.data</c> (<c>Data.Query</c>, dynamic and
/// dependent choice sets) on 1.5 cards: the patch adds the 1.6.0 definitions, plus the <c>associatedInputs</c> that Teams
/// documents for dependent inputs ("Typeahead search in Adaptive Cards", Microsoft Learn) and the 1.6.0 file predates.
/// </summary>
public static class AdaptiveCardSchema
{
    private static readonly Lazy<JsonSchema> Patched = new(() => Load(patchFilteredStyle: true));
    private static readonly Lazy<JsonSchema> Pristine = new(() => Load(patchFilteredStyle: false));

    public static IReadOnlyList<string> Validate(string cardJson, bool pristine = false)
    {
        var node = JsonNode.Parse(cardJson)?.AsObject() ?? throw new ArgumentException("Not a JSON object.", nameof(cardJson));
        node.Remove("msteams");
        var schema = (pristine ? Pristine : Patched).Value;
        return schema.Validate(node.ToJsonString())
            .Select(e => $"{e.Kind} at {e.Path}: {e}")
            .ToList();
    }

    private static JsonSchema Load(bool patchFilteredStyle)
    {
        var text = File.ReadAllText(Path.Combine(TestData.Schemas, "adaptive-card-1.5.0.json"));
        if (patchFilteredStyle)
        {
            var root = JsonNode.Parse(text)!.AsObject();
            var newer = JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.Schemas, "adaptive-card-1.6.0.json")))!;
            root["definitions"]!["ChoiceInputStyle"] = newer["definitions"]!["ChoiceInputStyle"]!.DeepClone();
            var query = newer["definitions"]!["Data.Query"]!.DeepClone();
            query["properties"]!["associatedInputs"] = new JsonObject { ["enum"] = new JsonArray("auto", "none") };
            root["definitions"]!["Data.Query"] = query;
            root["definitions"]!["Input.ChoiceSet"]!["properties"]!["choices.data"] =
                newer["definitions"]!["Input.ChoiceSet"]!["properties"]!["choices.data"]!.DeepClone();
            text = root.ToJsonString();
        }

        return JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult();
    }
}
