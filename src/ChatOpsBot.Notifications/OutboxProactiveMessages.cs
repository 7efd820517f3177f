using ChatOpsBot.Bot.Chats;

namespace ChatOpsBot.Notifications;

/// <summary>
/// The turns' proactive messages (approval cards and their updates, reminders, the short texts of a decision or a
/// hand-over, the opener's card finished in the background) go through the outbox like every notification: throttled per
/// conversation and tenant, in order, sent once across a crash (<see cref="OutboxDeliverer"/>).
/// </summary>
public sealed class OutboxProactiveMessages(Outbox outbox, TimeProvider time) : IProactiveMessages
{
    public async Task<string?> SendAsync(ProactiveMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await outbox.EnqueueAsync(new OutboxItem
        {
            IdempotencyKey = message.Key,
            Order = time.GetUtcNow().UtcTicks,
            ConversationId = message.ConversationId,
            Target = OutboxItem.CardTarget,
            TicketId = message.TicketId,
            Message = message,
        }, cancellationToken).ConfigureAwait(false);
        return null;
    }
}
