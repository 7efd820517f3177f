using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing;

/// <summary>Walks a JSON document (a card, an activity).</summary>
public static class JsonWalk
{
    /// <summary>Every object of the document, depth first, the root first.</summary>
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
}
