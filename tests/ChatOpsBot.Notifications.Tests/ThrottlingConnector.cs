using System.Net.Http.Headers;
using ChatOpsBot.Bot.Chats;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Protocol.Schema;

namespace ChatOpsBot.Notifications.Tests;

/// <summary>
/// An in-memory Connector on a fake clock: records every attempt (time, conversation, text) and answers 429 to the
/// (or <c>status</c>) first <c>stormLength</c> attempts, then to every <c>every</c>-th one, with <c>retryAfter</c> when given.
/// </summary>
public sealed class ThrottlingConnector(TimeProvider time, int stormLength, int every, int status = 429, TimeSpan? retryAfter = null) : IConnectorClientFactory, IConnectorClient
{
    private readonly List<Attempt> _attempts = [];

    public IReadOnlyList<Attempt> Attempts => _attempts;

    public Uri ServiceUrl { get; } = new("http://127.0.0.1:1/");

    public IConnectorClient Create(string serviceUrl) => this;

    public Task<ResourceResponse?> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        var n = _attempts.Count + 1;
        var throttled = n <= stormLength || n % every == 0;
        _attempts.Add(new Attempt(time.GetUtcNow(), conversationId, activity.Text ?? "", throttled));
        return throttled
            ? throw new ConnectorException(status, status == 429 ? "Throttled" : "Forbidden", "Refused", retryAfter is { } wait ? new RetryConditionHeaderValue(wait) : null)
            : Task.FromResult<ResourceResponse?>(new ResourceResponse { Id = "m" + n });
    }

    public Task<ResourceResponse?> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendToConversationAsync(conversationId, activity, cancellationToken);

    public Task<ResourceResponse?> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendToConversationAsync(conversationId, activity, cancellationToken);

    public Task DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ConversationResourceResponse?> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<TeamsChannelAccount>> GetConversationMembersAsync(string conversationId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<TeamsChannelAccount?> GetConversationMemberAsync(string conversationId, string memberId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public sealed record Attempt(DateTimeOffset At, string ConversationId, string Text, bool Throttled);
}
