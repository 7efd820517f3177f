using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Protocol.MessageExtensions;

/// <summary>
/// The answers to a message extension's invokes: <c>{composeExtension: {type: "result", attachmentLayout: "list",
/// attachments: [{contentType, content, preview}]}}</c>, or <c>{composeExtension: {type: "message", text}}</c> to show a
/// sentence instead of results. A link's answer also carries <c>cacheInfo</c> (Teams otherwise keeps an unfurled
/// card 30 minutes).
/// </summary>
public static class MessageExtensionResult
{
    public const string ListLayout = "list";

    /// <summary>One result: the card inserted when it is picked, and what the result list shows.</summary>
    public sealed record Item(string ContentType, JsonElement Content, ThumbnailPreview Preview);

    /// <summary>Results; an empty list shows Teams' own "no results".</summary>
    public static InvokeResponse Results(IEnumerable<Item> items, LinkCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var attachments = new JsonArray();
        foreach (var item in items)
        {
            attachments.Add(new JsonObject
            {
                ["contentType"] = item.ContentType,
                ["content"] = JsonNode.Parse(item.Content.GetRawText()),
                ["preview"] = new JsonObject
                {
                    ["contentType"] = ThumbnailPreview.ContentType,
                    ["content"] = Preview(item.Preview),
                },
            });
        }

        var body = new JsonObject
        {
            ["composeExtension"] = new JsonObject { ["type"] = "result", ["attachmentLayout"] = ListLayout, ["attachments"] = attachments },
        };
        AddCache(body, cache);
        return new InvokeResponse(200, body);
    }

    /// <summary>A sentence shown in place of results (e.g. why the search could not run).</summary>
    public static InvokeResponse Message(string text, LinkCache? cache = null)
    {
        var body = new JsonObject { ["composeExtension"] = new JsonObject { ["type"] = "message", ["text"] = text } };
        AddCache(body, cache);
        return new InvokeResponse(200, body);
    }

    private static JsonObject Preview(ThumbnailPreview preview)
    {
        var content = new JsonObject { ["title"] = preview.Title };
        if (preview.Subtitle is { } subtitle)
        {
            content["subtitle"] = subtitle;
        }

        if (preview.Text is { } text)
        {
            content["text"] = text;
        }

        return content;
    }

    private static void AddCache(JsonObject body, LinkCache? cache)
    {
        if (cache is null)
        {
            return;
        }

        var info = new JsonObject { ["cacheType"] = cache.Type };
        if (cache.Duration is { } duration)
        {
            info["cacheDuration"] = (int)duration.TotalSeconds;
        }

        body["cacheInfo"] = info;
    }
}
