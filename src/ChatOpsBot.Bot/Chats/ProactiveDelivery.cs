using ChatOpsBot.Protocol.Proactive;

namespace ChatOpsBot.Bot.Chats;

/// <summary>
/// How one <see cref="ProactiveMessage"/> reaches Teams, whoever sends it (the outbox's deliverer, or at once): a replacement
/// goes where its <see cref="ProactiveMessage.ActivityId"/> or its receipt says the card went; a new card's id is handed to
/// the receipt of its purpose.
/// </summary>
public static class ProactiveDelivery
{
    /// <param name="calling">Called before the one Connector call (the deliverer counts it against the rate limits).</param>
    public static async Task<ProactiveSent> SendAsync(
        IProactiveSender sender, IProactiveCardReceipt? receipt, ProactiveMessage message, Action calling, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(calling);
        if (message.Replaces)
        {
            var replaced = message.ActivityId ?? (receipt is null ? null : await receipt.PostedIdAsync(message, cancellationToken).ConfigureAwait(false));
            if (replaced is null)
            {
                return new ProactiveSent(null, NothingToReplace: true);
            }

            calling();
            await sender.UpdateAsync(message.Reference, replaced, message.ToActivity(), cancellationToken).ConfigureAwait(false);
            return new ProactiveSent(null, NothingToReplace: false);
        }

        calling();
        var posted = await sender.PostAsync(message.Reference, message.ToActivity(), cancellationToken).ConfigureAwait(false);
        if (message.Card is null || posted is not { Length: > 0 } id)
        {
            return new ProactiveSent(null, NothingToReplace: false);
        }

        if (receipt is not null)
        {
            await receipt.PostedAsync(message, id, cancellationToken).ConfigureAwait(false);
        }

        return new ProactiveSent(id, NothingToReplace: false);
    }
}

/// <summary>What a send did: the new card's activity id (null for a text or a replacement); a replacement of a card that never went out.</summary>
public readonly record struct ProactiveSent(string? PostedCardId, bool NothingToReplace);
