using System.Text.Json.Nodes;

namespace ChatOpsBot.Bot.Tests.Infrastructure;

/// <summary>Activities shaped like Teams' (see tests/TestData/teams-recordings).</summary>
public static class Activities
{
    public const string BotId = "28:chatopsbot";

    public static JsonObject Message(BotTestHost host, TestUser user, string text, string locale) =>
        Base(host, user, "message", locale, text);

    public static JsonObject Invoke(BotTestHost host, TestUser user, string replyToId, string verb, JsonObject data, string locale)
    {
        var activity = Base(host, user, "invoke", locale, null);
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = replyToId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }

    /// <summary>
    /// <c>application/search</c> as Teams documents it for a Data.Query choice set ("Typeahead search in Adaptive Cards",
    /// dependent inputs): <c>{queryText, queryOptions: {skip, top}, dataset, data: {the card's inputs}}</c>. No recording
    /// exists (the Agents Playground 0.2.28 does not send it).
    /// </summary>
    public static JsonObject ChoiceSearch(BotTestHost host, TestUser user, string dataset, string text, JsonObject inputs, int skip = 0, int top = 15, string locale = "fr-FR")
    {
        var activity = Base(host, user, "invoke", locale, null);
        activity["name"] = "application/search";
        activity["value"] = new JsonObject
        {
            ["queryText"] = text,
            ["queryOptions"] = new JsonObject { ["skip"] = skip, ["top"] = top },
            ["dataset"] = dataset,
            ["data"] = inputs,
        };
        return activity;
    }

    /// <summary>An Action.Submit as Teams sends it: a message with the data and inputs as value, no text.</summary>
    public static JsonObject Submit(BotTestHost host, TestUser user, string replyToId, JsonObject value, string locale)
    {
        var activity = Base(host, user, "message", locale, null);
        activity["replyToId"] = replyToId;
        activity["value"] = value;
        activity["channelData"]!["source"] = new JsonObject { ["name"] = "message" };
        return activity;
    }

    /// <summary>The bot added to a team: the installationUpdate Teams sends in the team's channel.</summary>
    public static JsonObject ChannelInstall(BotTestHost host, TestUser installer, string channelId, string teamId)
    {
        var activity = Base(host, installer, "installationUpdate", "fr-FR", null);
        activity["action"] = "add";
        activity["conversation"] = new JsonObject { ["id"] = channelId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = "tenant-1" };
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = channelId };
        activity["channelData"]!["team"] = new JsonObject { ["id"] = teamId };
        return activity;
    }

    /// <summary>The app installed in a user's personal scope (by them, or pushed by an admin): the installationUpdate Teams sends in their chat.</summary>
    public static JsonObject PersonalInstall(BotTestHost host, TestUser user, string locale)
    {
        var activity = Base(host, user, "installationUpdate", locale, null);
        activity["action"] = "add";
        return activity;
    }

    private static JsonObject Base(BotTestHost host, TestUser user, string type, string locale, string? text)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = host.Teams.BaseAddress.ToString(),
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = user.TeamsId, ["name"] = user.Name, ["aadObjectId"] = Guid.NewGuid().ToString() },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "ChatOpsBot" },
            ["conversation"] = new JsonObject { ["id"] = user.ConversationId, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
            ["locale"] = locale,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        };
        if (text is not null)
        {
            activity["text"] = text;
            activity["textFormat"] = "plain";
        }

        return activity;
    }
}
