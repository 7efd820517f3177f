using System.Text.Json.Nodes;

namespace ChatOpsBot.Benchmarks.Notifications;

/// <summary>A message typed in a Teams channel with the bot mentioned, as Teams posts it to /api/messages.</summary>
internal static class ChannelMessage
{
    private const string BotId = "28:chatopsbot";

    public static JsonObject Create(string channelId, string text, string serviceUrl)
    {
        var messageId = Guid.NewGuid().ToString("N");
        var mention = new JsonObject { ["id"] = BotId, ["name"] = "ChatOpsBot" };
        return new JsonObject
        {
            ["type"] = "message",
            ["id"] = messageId,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:1bench-user", ["name"] = "Hugues Le Moane", ["aadObjectId"] = Guid.NewGuid().ToString() },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "ChatOpsBot" },
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
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>ChatOpsBot</at>", ["mentioned"] = mention }),
            ["channelData"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = "tenant-1" },
                ["channel"] = new JsonObject { ["id"] = channelId },
                ["team"] = new JsonObject { ["id"] = "19:bench-team@thread.tacv2" },
            },
        };
    }
}
