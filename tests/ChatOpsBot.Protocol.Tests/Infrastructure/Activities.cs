using System.Text.Json.Nodes;

namespace ChatOpsBot.Protocol.Tests.Infrastructure;

/// <summary>Inbound activities shaped like the recorded Teams traffic.</summary>
public static class Activities
{
    public static JsonObject Message(string serviceUrl, string? id = null, string text = "hello", string channelId = "msteams", string conversationId = "a:1personal") => new()
    {
        ["type"] = "message",
        ["id"] = id ?? Guid.NewGuid().ToString("N"),
        ["timestamp"] = "2026-11-28T10:00:00.1234567Z",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = channelId,
        ["from"] = new JsonObject { ["id"] = "29:user", ["name"] = "Jeanne", ["aadObjectId"] = "6b703ce3-6d14-4fe6-b90c-dc5f03657ae4" },
        ["recipient"] = new JsonObject { ["id"] = "28:" + BotHost.AppId, ["name"] = "ChatOpsBot" },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = "72f988bf-86f1-41af-91ab-2d7cd011db47", ["id"] = conversationId },
        ["text"] = text,
        ["locale"] = "fr-FR",
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "72f988bf-86f1-41af-91ab-2d7cd011db47" } },
    };

    public static JsonObject Invoke(string serviceUrl, string name = "adaptiveCard/action", string? id = null)
    {
        var activity = Message(serviceUrl, id ?? "f:" + Guid.NewGuid().ToString("N"));
        activity["type"] = "invoke";
        activity["name"] = name;
        activity.Remove("text");
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "ping" }, ["trigger"] = "manual" };
        return activity;
    }
}
