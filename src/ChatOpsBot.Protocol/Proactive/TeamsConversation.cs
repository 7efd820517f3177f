using System.Text.Json;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Protocol.Schema;

namespace ChatOpsBot.Protocol.Proactive;

/// <summary>
/// What a Teams activity says about its conversation: the reference to speak there later (the channel without the
/// message's <c>;messageid=</c>, the team and channel of <c>channelData</c>, the personal chat's user), and whether it
/// says the bot was removed from it.
/// </summary>
public static class TeamsConversation
{
    /// <summary>The Bot Framework channel id of Microsoft Teams.</summary>
    public const string TeamsChannelId = "msteams";

    /// <summary>
    /// The reference <paramref name="activity"/> gives of its conversation, keeping from <paramref name="existing"/> what
    /// this activity does not carry (a channel's team, a chat's user, the locale); null when it has no conversation id or
    /// serviceUrl.
    /// </summary>
    public static ConversationReference? ReferenceOf(Activity activity, ConversationReference? existing)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Conversation?.Id is not { Length: > 0 } rawId || string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return null;
        }

        var scope = ScopeOf(activity.Conversation);
        var personal = scope == ConversationReference.Personal;
        return new ConversationReference
        {
            ConversationId = BaseConversationId(rawId),
            ServiceUrl = activity.ServiceUrl,
            Scope = scope,
            TenantId = activity.GetTenantId(),
            BotChannelId = activity.ChannelId ?? existing?.BotChannelId,
            ChannelId = scope == ConversationReference.Channel ? ChannelDataId(activity, "channel") ?? existing?.ChannelId : null,
            TeamId = scope == ConversationReference.Channel ? ChannelDataId(activity, "team") ?? existing?.TeamId : null,
            BotId = activity.Recipient?.Id,
            BotName = activity.Recipient?.Name,
            UserId = personal ? activity.From?.Id ?? existing?.UserId : null,
            UserAadObjectId = personal ? activity.From?.AadObjectId ?? existing?.UserAadObjectId : null,
            Locale = activity.Locale ?? existing?.Locale,
        };
    }

    /// <summary>A channel message's conversation id carries <c>;messageid=…</c>: the channel itself is what comes before.</summary>
    public static string BaseConversationId(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var semicolon = conversationId.IndexOf(';', StringComparison.Ordinal);
        return semicolon < 0 ? conversationId : conversationId[..semicolon];
    }

    /// <summary>The app uninstalled (<c>installationUpdate</c> remove) or the bot removed from the conversation's members.</summary>
    public static bool RemovesBot(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return (activity.Type == ActivityTypes.InstallationUpdate && activity.Action is "remove" or "remove-upgrade")
            || (activity.Type == ActivityTypes.ConversationUpdate && activity.MembersRemoved is { } removed
                && removed.Any(m => m.Id is not null && string.Equals(m.Id, activity.Recipient?.Id, StringComparison.Ordinal)));
    }

    /// <summary>
    /// Teams' answer that the bot may no longer speak there: 403 (removed from the conversation or the team, the app
    /// uninstalled, blocked by the user). The reference is of no use any more.
    /// </summary>
    public static bool IsGone(ConnectorException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.StatusCode == 403;
    }

    /// <summary>
    /// A roster lookup's "not there": 404 (<c>MemberNotFoundInConversation</c>: not a member) or 403 (the bot is no
    /// longer in that conversation).
    /// </summary>
    public static bool IsNotMember(ConnectorException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.StatusCode is 403 or 404;
    }

    /// <summary><see cref="ConversationReference.Personal"/>, <see cref="ConversationReference.GroupChat"/> or <see cref="ConversationReference.Channel"/>.</summary>
    public static string ScopeOf(ConversationAccount conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return conversation.ConversationType switch
        {
            "channel" => ConversationReference.Channel,
            "groupChat" => ConversationReference.GroupChat,
            "personal" => ConversationReference.Personal,
            _ when conversation.IsGroup == true => ConversationReference.GroupChat,
            _ => ConversationReference.Personal,
        };
    }

    /// <summary><c>channelData.{member}.id</c> (member = <c>channel</c> or <c>team</c>).</summary>
    private static string? ChannelDataId(Activity activity, string member) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty(member, out var owner) && owner.ValueKind == JsonValueKind.Object
        && owner.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
