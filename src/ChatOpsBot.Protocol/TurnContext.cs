using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Protocol.Schema;

namespace ChatOpsBot.Protocol;

/// <summary>One inbound activity and the means to answer it in its conversation.</summary>
public sealed class TurnContext
{
    private readonly Lazy<IConnectorClient> _connector;

    public TurnContext(Activity activity, IConnectorClient connector)
        : this(activity, new Lazy<IConnectorClient>(connector))
    {
        ArgumentNullException.ThrowIfNull(connector);
    }

    // The connector is created on first use (the endpoint already refused any serviceUrl off the allow-list).
    internal TurnContext(Activity activity, Lazy<IConnectorClient> connector)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Activity = activity;
        _connector = connector;
    }

    /// <summary>The inbound activity.</summary>
    public Activity Activity { get; }

    /// <summary>Connector client for the inbound serviceUrl.</summary>
    public IConnectorClient Connector => _connector.Value;

    /// <summary>
    /// Sends <paramref name="activity"/>, filling conversation, from, recipient and replyToId from the inbound activity
    /// when missing; with a replyToId it is a reply, otherwise a plain send.
    /// </summary>
    public Task<ResourceResponse?> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Complete(activity);
        activity.ReplyToId ??= Activity.Id;
        var conversationId = ConversationId(activity);
        return activity.ReplyToId is { Length: > 0 } replyToId
            ? Connector.ReplyToActivityAsync(conversationId, replyToId, activity, cancellationToken)
            : Connector.SendToConversationAsync(conversationId, activity, cancellationToken);
    }

    /// <summary>Sends a plain text message in reply to the inbound activity.</summary>
    public Task<ResourceResponse?> SendTextAsync(string text, CancellationToken cancellationToken) =>
        SendAsync(new Activity { Type = ActivityTypes.Message, Text = text }, cancellationToken);

    /// <summary>Shows the typing indicator (do not repeat more often than every 2–3 s).</summary>
    public Task SendTypingAsync(CancellationToken cancellationToken)
    {
        var typing = new Activity { Type = ActivityTypes.Typing };
        Complete(typing);
        return Connector.SendToConversationAsync(ConversationId(typing), typing, cancellationToken);
    }

    /// <summary>Replaces a message the bot sent earlier (e.g. a card) in this conversation.</summary>
    public Task UpdateActivityAsync(string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        Complete(activity);
        activity.Id = activityId;
        return Connector.UpdateActivityAsync(ConversationId(activity), activityId, activity, cancellationToken);
    }

    private void Complete(Activity activity)
    {
        activity.Type ??= ActivityTypes.Message;
        activity.ChannelId ??= Activity.ChannelId;
        activity.Conversation ??= Activity.Conversation is { } c
            ? new ConversationAccount { Id = c.Id, Name = c.Name, TenantId = c.TenantId }
            : null;
        activity.From ??= Activity.Recipient is { } r ? new ChannelAccount { Id = r.Id, Name = r.Name } : null;
        activity.Recipient ??= Activity.From is { } f ? new ChannelAccount { Id = f.Id, Name = f.Name, AadObjectId = f.AadObjectId } : null;
    }

    private static string ConversationId(Activity activity) =>
        activity.Conversation?.Id is { Length: > 0 } id
            ? id
            : throw new InvalidOperationException("The activity has no conversation id.");
}
