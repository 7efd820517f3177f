using ChatOpsBot.Bot.Conversation;
using ChatOpsBot.Bot.Notifications;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Protocol.Schema;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>Proactive messages of the approvals flow: no incoming turn, a Connector client per serviceUrl.</summary>
public sealed class ApprovalMessenger(IConnectorClientFactory connectors)
{
    /// <summary>
    /// Posts the card in the 1:1 chat with the person: the known personal chat, else the one createConversation opens
    /// (Teams answers the existing chat's id); returns where it went.
    /// </summary>
    public async Task<(string ConversationId, string? ActivityId)> SendToPersonAsync(ConversationReference person, AdaptiveCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var userId = person.UserId ?? throw new ArgumentException("A personal reference without its user.", nameof(person));
        var client = connectors.Create(person.ServiceUrl);
        var conversationId = person.Scope == ConversationReference.Personal && !string.IsNullOrEmpty(person.ConversationId)
            ? person.ConversationId
            : (await client.CreateConversationAsync(ConversationParameters.Personal(person.BotId, userId, person.TenantId), cancellationToken).ConfigureAwait(false))?.Id
              ?? throw new ConnectorException("createConversation answered no conversation id.");
        var sent = await client.SendToConversationAsync(conversationId, Message(card, conversationId, person.TenantId), cancellationToken).ConfigureAwait(false);
        return (conversationId, sent?.Id);
    }

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
