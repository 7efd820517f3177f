using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Itop.Errors;

namespace ChatOpsBot.Itop.Rest;

/// <summary>Parses rest.php's envelope: HTTP is always 200, the outcome is <c>code</c>; non-zero codes become typed exceptions.</summary>
public static class ItopResponseParser
{
    private const string FoundPrefix = "Found: ";

    public static ItopEnvelope Parse(string body)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(body) as JsonObject ?? throw new ItopUnavailableException("iTop's reply is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new ItopUnavailableException("iTop's reply is not JSON (proxy or PHP error page?).", ex);
        }

        var code = root["code"] is JsonValue c && c.TryGetValue<int>(out var n) ? n : throw new ItopUnavailableException("iTop's reply has no code.");
        var message = root["message"] is JsonValue m && m.TryGetValue<string>(out var s) ? s : null;
        if (code != 0)
        {
            throw ItopErrors.FromEnvelope(code, message);
        }

        return new ItopEnvelope(message, ParseObjects(root["objects"]), ParseTotal(message), ParseAuthorized(root), ParseOperations(root));
    }

    private static List<ItopObject> ParseObjects(JsonNode? objects)
    {
        var list = new List<ItopObject>();
        if (objects is not JsonObject map)
        {
            return list;
        }

        foreach (var (name, node) in map)
        {
            if (node is not JsonObject o)
            {
                continue;
            }

            var separator = name.IndexOf("::", StringComparison.Ordinal);
            var cls = o["class"]?.GetValue<string>() ?? (separator > 0 ? name[..separator] : "");
            var keyText = o["key"] is JsonValue k ? (k.TryGetValue<string>(out var ks) ? ks : k.ToJsonString()) : name[(separator + 2)..];
            var key = int.Parse(keyText, NumberStyles.Integer, CultureInfo.InvariantCulture);
            var objCode = o["code"] is JsonValue oc && oc.TryGetValue<int>(out var ocv) ? ocv : 0;
            var objMessage = o["message"] is JsonValue om && om.TryGetValue<string>(out var oms) ? oms : "";
            list.Add(new ItopObject(cls, key, objCode, objMessage, o["fields"] as JsonObject ?? []));
        }

        return list;
    }

    private static int? ParseTotal(string? message) =>
        message is not null && message.StartsWith(FoundPrefix, StringComparison.Ordinal) &&
        int.TryParse(message.AsSpan(FoundPrefix.Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var total)
            ? total
            : null;

    private static bool? ParseAuthorized(JsonObject root) =>
        root["authorized"] is JsonValue a && a.TryGetValue<bool>(out var b) ? b : null;

    private static List<string> ParseOperations(JsonObject root) =>
        root["operations"] is JsonArray ops
            ? ops.OfType<JsonObject>().Select(o => o["verb"]?.GetValue<string>() ?? "").ToList()
            : [];
}
