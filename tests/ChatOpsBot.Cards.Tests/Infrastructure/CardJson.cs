using System.Text.Json.Nodes;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.Serialization;
using ChatOpsBot.Testing;

namespace ChatOpsBot.Cards.Tests.Infrastructure;

/// <summary>Walks a serialized card.</summary>
public static class CardJson
{
    public static JsonObject Parse(AdaptiveCard card) => JsonNode.Parse(CardSerializer.ToJson(card))!.AsObject();

    public static IEnumerable<JsonObject> Objects(JsonNode? node) => JsonWalk.Objects(node);

    public static IEnumerable<JsonObject> OfType(AdaptiveCard card, string type) =>
        Objects(Parse(card)).Where(o => (string?)o["type"] == type);

    public static IEnumerable<string> Texts(AdaptiveCard card) =>
        Objects(Parse(card)).Select(o => (string?)o["text"] ?? (string?)o["title"]).OfType<string>();
}
