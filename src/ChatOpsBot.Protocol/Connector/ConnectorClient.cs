using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChatOpsBot.Protocol.Schema;

namespace ChatOpsBot.Protocol.Connector;

/// <summary>Adapts the Refit transport to <see cref="IConnectorClient"/>: status check, error code, optional bodies.</summary>
internal sealed class ConnectorClient(IConnectorApi api, Uri serviceUrl) : IConnectorClient
{
    public Uri ServiceUrl { get; } = serviceUrl;

    public async Task<ResourceResponse?> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        using var response = await api.ReplyToActivityAsync(conversationId, activityId, activity, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, ProtocolJsonContext.Default.ResourceResponse, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ResourceResponse?> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        using var response = await api.SendToConversationAsync(conversationId, activity, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, ProtocolJsonContext.Default.ResourceResponse, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ResourceResponse?> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        using var response = await api.UpdateActivityAsync(conversationId, activityId, activity, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, ProtocolJsonContext.Default.ResourceResponse, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        using var response = await api.DeleteActivityAsync(conversationId, activityId, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ConversationResourceResponse?> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        using var response = await api.CreateConversationAsync(parameters, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, ProtocolJsonContext.Default.ConversationResourceResponse, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TeamsChannelAccount>> GetConversationMembersAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        using var response = await api.GetConversationMembersAsync(conversationId, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, ProtocolJsonContext.Default.ListTeamsChannelAccount, cancellationToken).ConfigureAwait(false) ?? [];
    }

    public async Task<TeamsChannelAccount?> GetConversationMemberAsync(string conversationId, string memberId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        using var response = await api.GetConversationMemberAsync(conversationId, memberId, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, ProtocolJsonContext.Default.TeamsChannelAccount, cancellationToken).ConfigureAwait(false);
    }

    // Teams answers 201 {id} for most sends but 202 with an empty body for some: never require a body.
    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
        {
            return null;
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, typeInfo);
        }
        catch (JsonException ex)
        {
            throw new ConnectorException("The Connector answered with a body that is not the expected JSON.", ex);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        string? code = null;
        string? message = null;
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (bytes.Length > 0)
            {
                var error = JsonSerializer.Deserialize(bytes, ProtocolJsonContext.Default.ErrorResponse);
                code = error?.Error?.Code;
                message = error?.Error?.Message;
            }
        }
        catch (JsonException)
        {
            // Not an ErrorResponse (an HTML gateway page...): the status alone is reported.
        }

        throw new ConnectorException((int)response.StatusCode, code, message, response.Headers.RetryAfter);
    }
}
