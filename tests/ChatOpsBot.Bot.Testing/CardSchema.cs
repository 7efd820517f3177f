using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Testing;
using NJsonSchema;

namespace ChatOpsBot.Bot.Testing;

/// <summary>
/// Checks the cards the bot really sent against the vendored Adaptive Card 1.5.0 schema (root <c>msteams</c> removed;
/// what Teams renders beyond it on 1.5 cards from <see cref="AdaptiveCardSchemaPatch"/>) and the 100 KB limit.
/// </summary>
public static class CardSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    public static void AssertValid(JsonObject card)
    {
        var copy = card.DeepClone().AsObject();
        copy.Remove("msteams");
        var json = copy.ToJsonString();
        var errors = Schema.Value.Validate(json).Select(e => $"{e.Kind} at {e.Path}").ToList();
        Assert.True(errors.Count == 0, "Card not valid against Adaptive Card 1.5: " + string.Join("; ", errors) + "\n" + json);
        Assert.True(Encoding.UTF8.GetByteCount(card.ToJsonString()) < 100 * 1024, "Card above 100 KB");
    }

    private static JsonSchema Load()
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.Schemas, "adaptive-card-1.5.0.json")))!.AsObject();
        AdaptiveCardSchemaPatch.Apply(root);
        return JsonSchema.FromJsonAsync(root.ToJsonString()).GetAwaiter().GetResult();
    }
}
