using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing;

/// <summary>Activities as Teams posts them to /api/messages from a channel (tenant <c>tenant-1</c>, French client).</summary>
public static class ChannelActivity
{
    /// <summary>A message typed in the channel with the bot mentioned; a new message id (a thread of its own) each time.</summary>
    public static JsonObject Message(string channelId, string text, string serviceUrl, string botId, string fromId, string fromName)
    {
        var messageId = Guid.NewGuid().ToString("N");
        return new JsonObject
        {
            ["type"] = "message",
            ["id"] = messageId,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = fromId, ["name"] = fromName, ["aadObjectId"] = Guid.NewGuid().ToString() },
            ["recipient"] = new JsonObject { ["id"] = botId, ["name"] = "ChatOpsBot" },
            ["conversation"] = new JsonObject
            {
                ["id"] = channelId + ";messageid=" + messageId,
                ["conversationType"] = "channel",
                ["isGroup"] = true,
                ["tenantId"] = "tenant-1",
            },
            ["locale"] = "fr-FR",
            ["text"] = "<at>ChatOpsBot</at> " + text,
            ["textFormat"] = "plain",
            ["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>ChatOpsBot</at>",
                ["mentioned"] = new JsonObject { ["id"] = botId, ["name"] = "ChatOpsBot" },
            }),
            ["channelData"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = "tenant-1" },
                ["channel"] = new JsonObject { ["id"] = channelId },
                ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" },
            },
        };
    }
}
