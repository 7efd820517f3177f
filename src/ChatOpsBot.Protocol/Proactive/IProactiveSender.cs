using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Protocol.Schema;

namespace ChatOpsBot.Protocol.Proactive;

/// <summary>
/// The one way the bot speaks outside a turn: to a <see cref="ConversationReference"/>, on its serviceUrl, the activity
/// completed from the reference (conversation and tenant, the bot as sender, the channel). Failures throw
/// <see cref="ConnectorException"/> (<see cref="TeamsConversation.IsGone"/> tells a conversation the bot may no longer
/// use), <see cref="ServiceUrlNotAllowedException"/> or <see cref="HttpRequestException"/>.
/// </summary>
public interface IProactiveSender
{
    /// <summary>A new message (a channel's new thread); returns the id Teams gave it.</summary>
    Task<string?> PostAsync(ConversationReference to, Activity activity, CancellationToken cancellationToken);

    /// <summary>A reply under message <paramref name="replyToId"/> (a channel thread's reply); returns its id.</summary>
    Task<string?> ReplyAsync(ConversationReference to, string replyToId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Replaces the content of a message the bot posted there.</summary>
    Task UpdateAsync(ConversationReference to, string activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary>A member of the conversation (its roster), by Teams user id, UPN or Entra object id.</summary>
    Task<TeamsChannelAccount?> GetMemberAsync(ConversationReference roster, string memberId, CancellationToken cancellationToken);

    /// <summary>
    /// The 1:1 chat between the bot and <paramref name="member"/>, found in <paramref name="roster"/>: Teams opens it (or
    /// answers with the one there is). Null when Teams answers without a conversation id.
    /// </summary>
    Task<ConversationReference?> OpenPersonalAsync(ConversationReference roster, TeamsChannelAccount member, CancellationToken cancellationToken);
}
