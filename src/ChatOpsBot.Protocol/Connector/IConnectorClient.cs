using ChatOpsBot.Protocol.Schema;

namespace ChatOpsBot.Protocol.Connector;

/// <summary>Bot Connector v3 calls against one serviceUrl. Failures throw <see cref="ConnectorException"/>.</summary>
public interface IConnectorClient
{
    /// <summary>The serviceUrl this client talks to.</summary>
    Uri ServiceUrl { get; }

    Task<ResourceResponse?> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse?> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse?> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);

    Task DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken = default);

    /// <summary>Proactive 1:1 chat (members + tenant) or new channel thread (isGroup + channelData.channel.id + activity).</summary>
    Task<ConversationResourceResponse?> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TeamsChannelAccount>> GetConversationMembersAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>One member by Teams user id, UPN or Entra object id.</summary>
    Task<TeamsChannelAccount?> GetConversationMemberAsync(string conversationId, string memberId, CancellationToken cancellationToken = default);
}
