using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Protocol.Schema;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>Proactive messages of the approvals flow: no incoming turn, a Connector client per serviceUrl.</summary>
public sealed class ApprovalMessenger(IConnectorClientFactory connectors)
{
    public async Task<string?> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Conversation ??= new ConversationAccount { Id = conversationId };
        var sent = await connectors.Create(serviceUrl).SendToConversationAsync(conversationId, activity, cancellationToken).ConfigureAwait(false);
        return sent?.Id;
    }

    public Task UpdateAsync(string serviceUrl, string conversationId, string activityId, AdaptiveCard card, CancellationToken cancellationToken)
    {
        var activity = Message(card, conversationId, null);
        activity.Id = activityId;
        return connectors.Create(serviceUrl).UpdateActivityAsync(conversationId, activityId, activity, cancellationToken);
    }

    public static Activity Message(AdaptiveCard card, string conversationId, string? tenantId)
    {
        var activity = CardMessage.Of(card);
        activity.Conversation = new ConversationAccount { Id = conversationId, TenantId = tenantId };
        return activity;
    }
}
