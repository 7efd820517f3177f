using ChatOpsBot.Bot.Chats;

namespace ChatOpsBot.Notifications;

/// <summary>
/// The turns' proactive cards (approval cards, reminders) go through the outbox like every notification: throttled per
/// conversation and tenant, in order, posted once across a crash (<see cref="OutboxDeliverer"/>).
/// </summary>
public sealed class ProactiveCards(Outbox outbox, TimeProvider time) : IProactiveCards
{
    public async Task<string?> PostAsync(ProactiveCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        await outbox.EnqueueAsync(new OutboxItem
        {
            IdempotencyKey = card.Key,
            Order = time.GetUtcNow().UtcTicks,
            ConversationId = card.ConversationId,
            Target = OutboxItem.CardTarget,
            TicketId = card.TicketId,
            Card = card,
        }, cancellationToken).ConfigureAwait(false);
        return null;
    }
}
