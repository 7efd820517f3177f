using ChatOpsBot.Protocol.Proactive;

namespace ChatOpsBot.Bot.Chats;

/// <summary>The cards posted at once, for a bot composed without the notifications' outbox (tests of the turns alone).</summary>
public sealed class DirectProactiveCards(IProactiveSender sender, IEnumerable<IProactiveCardReceipt> receipts) : IProactiveCards
{
    public async Task<string?> PostAsync(ProactiveCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var sent = await sender.PostAsync(card.Reference, card.ToActivity(), cancellationToken).ConfigureAwait(false);
        if (sent is { Length: > 0 } id && receipts.FirstOrDefault(r => r.Purpose == card.Purpose) is { } receipt)
        {
            await receipt.PostedAsync(card, id, cancellationToken).ConfigureAwait(false);
        }

        return sent;
    }
}
