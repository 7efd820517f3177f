namespace ChatOpsBot.Protocol.Proactive;

/// <summary>
/// Where the bot may speak without being spoken to: one Teams conversation (personal chat, group chat or channel),
/// captured from incoming activities (<see cref="TeamsConversation.ReferenceOf"/>). <see cref="ServiceUrl"/> is the one of
/// the latest activity seen there. Not sealed: an app keeps its own facts about a conversation in a derived record.
/// </summary>
public record ConversationReference
{
    public const string Personal = "personal";
    public const string GroupChat = "groupChat";
    public const string Channel = "channel";

    public required string ConversationId { get; init; }
    public required string ServiceUrl { get; init; }
    /// <summary><see cref="Personal"/>, <see cref="GroupChat"/> or <see cref="Channel"/>.</summary>
    /// <summary>Null for a reference made from an address alone (<see cref="To"/>).</summary>
    public string? Scope { get; init; }
    public string? TenantId { get; init; }
    /// <summary>
    /// The Bot Framework channel of the conversation (the activities' <c>channelId</c>: <c>msteams</c>); null in a
    /// reference captured before it was kept, which the sender takes as Teams.
    /// </summary>
    public string? BotChannelId { get; init; }
    /// <summary>Channel scope: the Teams channel (<c>channelData.channel.id</c>).</summary>
    public string? ChannelId { get; init; }
    /// <summary>Channel scope: the team (<c>channelData.team.id</c>); the channels of one team share its roster.</summary>
    public string? TeamId { get; init; }
    public string? BotId { get; init; }
    public string? BotName { get; init; }
    /// <summary>Personal scope: the Teams user id (29:…) of the user.</summary>
    public string? UserId { get; init; }
    /// <summary>Personal scope: the user's Entra (AAD) object id.</summary>
    public string? UserAadObjectId { get; init; }
    public string? Locale { get; init; }

    /// <summary>A reference made from where a message went (a card's serviceUrl and conversation), to update it or post there again.</summary>
    public static ConversationReference To(string serviceUrl, string conversationId, string? tenantId = null) =>
        new() { ServiceUrl = serviceUrl, ConversationId = conversationId, TenantId = tenantId };
}
