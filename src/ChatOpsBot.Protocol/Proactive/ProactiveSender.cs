using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Protocol.Schema;

namespace ChatOpsBot.Protocol.Proactive;

/// <inheritdoc cref="IProactiveSender"/>
public sealed class ProactiveSender(IConnectorClientFactory connectors) : IProactiveSender
{
    public async Task<string?> PostAsync(ConversationReference to, Activity activity, CancellationToken cancellationToken)
    {
        var sent = await connectors.Create(to.ServiceUrl).SendToConversationAsync(to.ConversationId, Complete(activity, to), cancellationToken).ConfigureAwait(false);
        return sent?.Id;
    }

    public async Task<string?> ReplyAsync(ConversationReference to, string replyToId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(replyToId);
        var sent = await connectors.Create(to.ServiceUrl).ReplyToActivityAsync(to.ConversationId, replyToId, Complete(activity, to), cancellationToken).ConfigureAwait(false);
        return sent?.Id;
    }

    public Task UpdateAsync(ConversationReference to, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var update = Complete(activity, to);
        update.Id = activityId;
        return connectors.Create(to.ServiceUrl).UpdateActivityAsync(to.ConversationId, activityId, update, cancellationToken);
    }

    public Task<TeamsChannelAccount?> GetMemberAsync(ConversationReference roster, string memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        return connectors.Create(roster.ServiceUrl).GetConversationMemberAsync(roster.ConversationId, memberId, cancellationToken);
    }

    public async Task<ConversationReference?> OpenPersonalAsync(ConversationReference roster, TeamsChannelAccount member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentException.ThrowIfNullOrEmpty(member.Id);
        var tenantId = roster.TenantId ?? member.TenantId;
        var created = await connectors.Create(roster.ServiceUrl)
            .CreateConversationAsync(ConversationParameters.Personal(roster.BotId, member.Id, tenantId), cancellationToken).ConfigureAwait(false);
        return created?.Id is not { Length: > 0 } conversationId
            ? null
            : new ConversationReference
            {
                ConversationId = TeamsConversation.BaseConversationId(conversationId),
                ServiceUrl = roster.ServiceUrl,
                Scope = ConversationReference.Personal,
                TenantId = tenantId,
                BotChannelId = roster.BotChannelId,
                BotId = roster.BotId,
                BotName = roster.BotName,
                UserId = member.Id,
                UserAadObjectId = member.EffectiveAadObjectId,
            };
    }

    /// <summary>The activity addressed from the reference: its conversation (and tenant), the bot as sender when known, the channel.</summary>
    private static Activity Complete(Activity activity, ConversationReference to)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(to);
        activity.Type ??= ActivityTypes.Message;
        activity.Conversation = new ConversationAccount { Id = to.ConversationId, TenantId = to.TenantId };
        activity.From ??= to.BotId is null ? null : new ChannelAccount { Id = to.BotId, Name = to.BotName };
        activity.ChannelId ??= to.BotChannelId ?? TeamsConversation.TeamsChannelId;
        return activity;
    }
}
