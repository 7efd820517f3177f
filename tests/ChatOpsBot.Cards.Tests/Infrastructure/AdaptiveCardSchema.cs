using System.Text.Json.Nodes;
using ChatOpsBot.Testing;
using NJsonSchema;

namespace ChatOpsBot.Cards.Tests.Infrastructure;

/// <summary>
/// Validates card JSON against the vendored Adaptive Card 1.5.0 schema. The root <c>msteams</c> property is
/// stripped first (Teams-only, the schema forbids it). The schema is patched in one place: Teams renders the
/// <c>filtered</c> choice-set style (typeahead) and <c>choices.data</c> (dependent choice sets) on 1.5 cards, which the
/// 1.5.0 file predates: <see cref="AdaptiveCardSchemaPatch"/>.
/// </summary>
public static class AdaptiveCardSchema
{
    private static readonly Lazy<JsonSchema> Patched = new(() => Load(patchForTeams: true));
    private static readonly Lazy<JsonSchema> Pristine = new(() => Load(patchForTeams: false));

    public static IReadOnlyList<string> Validate(string cardJson, bool pristine = false)
    {
        var node = JsonNode.Parse(cardJson)?.AsObject() ?? throw new ArgumentException("Not a JSON object.", nameof(cardJson));
        node.Remove("msteams");
        var schema = (pristine ? Pristine : Patched).Value;
        return schema.Validate(node.ToJsonString())
            .Select(e => $"{e.Kind} at {e.Path}: {e}")
            .ToList();
    }

    private static JsonSchema Load(bool patchForTeams)
    {
        var text = File.ReadAllText(Path.Combine(TestData.Schemas, "adaptive-card-1.5.0.json"));
        if (patchForTeams)
        {
            var root = JsonNode.Parse(text)!.AsObject();
            AdaptiveCardSchemaPatch.Apply(root);
            text = root.ToJsonString();
        }

        return JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult();
    }
}
