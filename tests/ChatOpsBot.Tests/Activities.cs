using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Tests;

/// <summary>Teams-shaped activities for the host tests.</summary>
internal static class Activities
{
    public const string ConversationId = "a:1Jz8Xr-personal;chat@id";
    public const string UserId = "29:1user-aad-id";

    public static JsonObject Message(string text, string serviceUrl, string? locale = null, string? id = null) => new()
    {
        ["type"] = "message",
        ["id"] = id ?? Guid.NewGuid().ToString("N"),
        ["timestamp"] = "2026-11-28T10:00:00.1234567Z",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Support INSA Lyon", ["aadObjectId"] = "8d0c6b2c-0000-4000-8000-000000000001" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot-app-id", ["name"] = "ChatOpsBot" },
        ["conversation"] = new JsonObject { ["id"] = ConversationId, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["text"] = text,
        ["textFormat"] = "plain",
        ["locale"] = locale,
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
    };

    /// <summary>A message typed in a channel, the bot mentioned, as Teams sends it (the conversation id names the thread).</summary>
    public static JsonObject ChannelMessage(string text, string channelId, string serviceUrl)
    {
        var activity = Message("<at>ChatOpsBot</at> " + text, serviceUrl, "fr-FR");
        activity["conversation"] = new JsonObject
        {
            ["id"] = channelId + ";messageid=" + activity["id"]!.GetValue<string>(),
            ["conversationType"] = "channel",
            ["isGroup"] = true,
            ["tenantId"] = "tenant-1",
        };
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>ChatOpsBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = "28:bot-app-id", ["name"] = "ChatOpsBot" },
        });
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = "tenant-1" },
            ["channel"] = new JsonObject { ["id"] = channelId },
            ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" },
        };
        return activity;
    }

    public static JsonObject Install(string serviceUrl, string? locale = null)
    {
        var activity = Message(string.Empty, serviceUrl, locale);
        activity["type"] = "installationUpdate";
        activity["action"] = "add";
        activity.Remove("text");
        activity.Remove("textFormat");
        return activity;
    }

    public static JsonObject BotAdded(string serviceUrl)
    {
        var activity = Message(string.Empty, serviceUrl);
        activity["type"] = "conversationUpdate";
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:bot-app-id" });
        activity.Remove("text");
        activity.Remove("textFormat");
        return activity;
    }

    public static JsonObject Reaction(string serviceUrl)
    {
        var activity = Message(string.Empty, serviceUrl);
        activity["type"] = "messageReaction";
        activity["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" });
        activity.Remove("text");
        return activity;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject activity, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await client.SendAsync(request);
    }
}
