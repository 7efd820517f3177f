using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing.Activities;

/// <summary>
/// The one builder of the activities Teams posts to /api/messages (shapes of tests/TestData/teams-recordings). Start from
/// a kind (<see cref="Message"/>, <see cref="CardAction"/>, <see cref="Install"/>…), say where it goes (<see cref="To(string)"/>)
/// and, when the defaults do not fit, who sends it and in which conversation; <see cref="Build"/> gives the JSON.
/// Defaults: the Lyon support in their personal chat, tenant <c>tenant-1</c>, a French client, the bot <see cref="BotId"/>.
/// </summary>
public sealed partial class TeamsActivity
{
    public const string BotId = "28:chatopsbot";
    public const string TenantId = "tenant-1";
    public const string TeamId = "19:team@thread.tacv2";
    public const string Mention = "<at>ChatOpsBot</at>";

    private readonly JsonObject _json;
    private string? _channelThread;
    private bool _mentioned;

    private TeamsActivity(string type, string? id = null)
    {
        _json = new JsonObject
        {
            ["type"] = type,
            ["id"] = id ?? Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["channelId"] = "msteams",
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "ChatOpsBot" },
            ["locale"] = "fr-FR",
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        };
        From(TestUsers.LyonSupport);
    }

    /// <summary>The Teams service the bot answers (the activity's <c>serviceUrl</c>).</summary>
    public TeamsActivity To(string serviceUrl) => Set("serviceUrl", serviceUrl);

    public TeamsActivity To(Uri serviceUrl) => To(serviceUrl.ToString());

    /// <summary>Sent by <paramref name="user"/> in their personal chat with the bot.</summary>
    public TeamsActivity From(TestUser user) => From(user.TeamsId, user.Name).Personal(user.ConversationId);

    /// <summary>The sender; <paramref name="aadObjectId"/> null gives a new one (Teams always sends one).</summary>
    public TeamsActivity From(string id, string name, string? aadObjectId = null) =>
        Set("from", new JsonObject { ["id"] = id, ["name"] = name, ["aadObjectId"] = aadObjectId ?? Guid.NewGuid().ToString() });

    /// <summary>A sender without its Entra object id (older recordings).</summary>
    public TeamsActivity WithoutAadObjectId()
    {
        _json["from"]!.AsObject().Remove("aadObjectId");
        return this;
    }

    /// <summary>The bot's own account (<c>recipient</c>), also the one a <see cref="Mentioning"/> or <see cref="BotAdded"/> names.</summary>
    public TeamsActivity ToBot(string botId) => Set("recipient", new JsonObject { ["id"] = botId, ["name"] = "ChatOpsBot" });

    public TeamsActivity Personal(string conversationId) => Conversation(conversationId, "personal", isGroup: false);

    public TeamsActivity Group(string conversationId) => Conversation(conversationId, "groupChat", isGroup: true);

    /// <summary>
    /// In a team's channel: the conversation id names the thread (<c>channel;messageid=…</c>, a new thread of this
    /// activity's id) unless <paramref name="thread"/> is false (an installation, the channel itself).
    /// </summary>
    public TeamsActivity Channel(string channelId, string teamId = TeamId, bool thread = true)
    {
        _channelThread = thread ? channelId : null;
        Conversation(channelId, "channel", isGroup: true);
        var channelData = _json["channelData"]!.AsObject();
        channelData["channel"] = new JsonObject { ["id"] = channelId };
        channelData["team"] = new JsonObject { ["id"] = teamId };
        return this;
    }

    /// <summary>Changes the conversation's id only (its type and tenant stay).</summary>
    public TeamsActivity InConversation(string conversationId)
    {
        _channelThread = null;
        _json["conversation"]!["id"] = conversationId;
        return this;
    }

    public TeamsActivity Tenant(string tenantId)
    {
        _json["conversation"]!["tenantId"] = tenantId;
        _json["channelData"]!["tenant"] = new JsonObject { ["id"] = tenantId };
        return this;
    }

    /// <summary>The client's locale; null: the client states none.</summary>
    public TeamsActivity Locale(string? locale)
    {
        if (locale is null)
        {
            _json.Remove("locale");
            return this;
        }

        return Set("locale", locale);
    }

    public TeamsActivity WithId(string id) => Set("id", id);

    /// <summary>The Bot Framework channel (<c>msteams</c> unless told, e.g. <c>emulator</c>).</summary>
    public TeamsActivity OnChannel(string botFrameworkChannelId) => Set("channelId", botFrameworkChannelId);

    /// <summary>The message the activity answers (the card a click comes from).</summary>
    public TeamsActivity ReplyTo(string activityId) => Set("replyToId", activityId);

    /// <summary>The bot @mentioned at the start of the text, as Teams writes it in a channel or group chat.</summary>
    public TeamsActivity Mentioning()
    {
        _mentioned = true;
        return this;
    }

    public JsonObject Build()
    {
        if (_json["serviceUrl"] is null)
        {
            throw new InvalidOperationException("An activity needs its serviceUrl: call To(…).");
        }

        var json = _json.DeepClone().AsObject();
        if (_channelThread is not null)
        {
            json["conversation"]!["id"] = _channelThread + ";messageid=" + json["id"]!.GetValue<string>();
        }

        var bot = json["recipient"]!.DeepClone();
        if (_mentioned)
        {
            json["text"] = Mention + " " + json["text"]?.GetValue<string>();
            json["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = Mention, ["mentioned"] = bot });
        }

        if (json["membersAdded"] is JsonArray added && added.Count == 0)
        {
            added.Add(new JsonObject { ["id"] = bot["id"]!.GetValue<string>() });
        }

        return json;
    }

    private TeamsActivity Conversation(string id, string type, bool isGroup)
    {
        var conversation = new JsonObject { ["id"] = id, ["conversationType"] = type, ["tenantId"] = _json["channelData"]!["tenant"]!["id"]!.GetValue<string>() };
        if (isGroup)
        {
            conversation["isGroup"] = true;
        }

        _json["conversation"] = conversation;
        if (!isGroup || type != "channel")
        {
            var channelData = _json["channelData"]!.AsObject();
            channelData.Remove("channel");
            channelData.Remove("team");
            _channelThread = null;
        }

        return this;
    }

    private TeamsActivity Set(string key, JsonNode? value)
    {
        _json[key] = value;
        return this;
    }
}
