using System.Text.Json.Nodes;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.Serialization;

namespace ChatOpsBot.Cards.Tests;

/// <summary>Walks a serialized card.</summary>
public static class CardJson
{
    public static JsonObject Parse(AdaptiveCard card) => JsonNode.Parse(CardSerializer.ToJson(card))!.AsObject();

    public static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var child in o.Select(p => p.Value).SelectMany(Objects))
                {
                    yield return child;
                }

                break;
            case JsonArray a:
                foreach (var child in a.SelectMany(Objects))
                {
                    yield return child;
                }

                break;
        }
    }

    public static IEnumerable<JsonObject> OfType(AdaptiveCard card, string type) =>
        Objects(Parse(card)).Where(o => (string?)o["type"] == type);

    public static IEnumerable<string> Texts(AdaptiveCard card) =>
        Objects(Parse(card)).Select(o => (string?)o["text"] ?? (string?)o["title"]).OfType<string>();
}
