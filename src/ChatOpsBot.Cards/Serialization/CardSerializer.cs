using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ChatOpsBot.Cards.Model;

namespace ChatOpsBot.Cards.Serialization;

/// <summary>Source-generated JSON for cards: camelCase, nulls omitted, <c>type</c> discriminators.</summary>
public static class CardSerializer
{
    // Accents stay readable (and small) on the wire; the JSON is never embedded in HTML.
    private static readonly JsonSerializerOptions Compact = CreateOptions(indented: false);
    private static readonly JsonSerializerOptions Indented = CreateOptions(indented: true);

    public static string ToJson(AdaptiveCard card, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(card);
        return JsonSerializer.Serialize(card, (indented ? Indented : Compact).GetTypeInfo(typeof(AdaptiveCard)));
    }

    public static JsonObject ToJsonObject(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return JsonSerializer.SerializeToNode(card, Compact.GetTypeInfo(typeof(AdaptiveCard)))!.AsObject();
    }

    /// <summary>Size of the compact UTF-8 JSON, for the 100 KB message limit.</summary>
    public static int Utf8Size(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return JsonSerializer.SerializeToUtf8Bytes(card, Compact.GetTypeInfo(typeof(AdaptiveCard))).Length;
    }

    /// <summary>Reads the data an action carried back (the inputs merged into it are ignored here).</summary>
    public static CardActionData? ReadActionData(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            var result = data.Deserialize((JsonTypeInfo<CardActionData>)Compact.GetTypeInfo(typeof(CardActionData)));
            return result is null || string.IsNullOrEmpty(result.Verb) ? null : result;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Wrong types, or a string that is not text (escaped lone surrogate): not a card of this bot.
            return null;
        }
    }

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions(CardJsonContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
        };
        options.MakeReadOnly();
        return options;
    }
}
