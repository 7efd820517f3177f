using ChatOpsBot.Protocol.Schema;
using Refit;

namespace ChatOpsBot.Protocol.Connector;

/// <summary>Connector v3 on the wire; route values are escaped by Refit (<c>;</c> → <c>%3B</c>).</summary>
internal interface IConnectorApi
{
    [Post("/v3/conversations/{conversationId}/activities/{activityId}")]
    Task<HttpResponseMessage> ReplyToActivityAsync(string conversationId, string activityId, [Body] Activity activity, CancellationToken cancellationToken);

    [Post("/v3/conversations/{conversationId}/activities")]
    Task<HttpResponseMessage> SendToConversationAsync(string conversationId, [Body] Activity activity, CancellationToken cancellationToken);

    [Put("/v3/conversations/{conversationId}/activities/{activityId}")]
    Task<HttpResponseMessage> UpdateActivityAsync(string conversationId, string activityId, [Body] Activity activity, CancellationToken cancellationToken);

    [Delete("/v3/conversations/{conversationId}/activities/{activityId}")]
    Task<HttpResponseMessage> DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken);

    [Post("/v3/conversations")]
    Task<HttpResponseMessage> CreateConversationAsync([Body] ConversationParameters parameters, CancellationToken cancellationToken);

    [Get("/v3/conversations/{conversationId}/members")]
    Task<HttpResponseMessage> GetConversationMembersAsync(string conversationId, CancellationToken cancellationToken);

    [Get("/v3/conversations/{conversationId}/members/{memberId}")]
    Task<HttpResponseMessage> GetConversationMemberAsync(string conversationId, string memberId, CancellationToken cancellationToken);
}
