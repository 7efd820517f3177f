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
    public required string Scope { get; init; }
    public string? TenantId { get; init; }
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
}
