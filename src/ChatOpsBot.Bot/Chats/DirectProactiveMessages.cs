using ChatOpsBot.Protocol.Proactive;

namespace ChatOpsBot.Bot.Chats;

/// <summary>The messages sent at once, for a bot composed without the notifications' outbox (tests of the turns alone).</summary>
public sealed class DirectProactiveMessages(IProactiveSender sender, IEnumerable<IProactiveCardReceipt> receipts) : IProactiveMessages
{
    public async Task<string?> SendAsync(ProactiveMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var receipt = receipts.FirstOrDefault(r => r.Purpose == message.Purpose);
        if (message.Replaces)
        {
            if ((message.ActivityId ?? (receipt is null ? null : await receipt.PostedIdAsync(message, cancellationToken).ConfigureAwait(false))) is { } replaced)
            {
                await sender.UpdateAsync(message.Reference, replaced, message.ToActivity(), cancellationToken).ConfigureAwait(false);
            }

            return null;
        }

        var sent = await sender.PostAsync(message.Reference, message.ToActivity(), cancellationToken).ConfigureAwait(false);
        if (sent is { Length: > 0 } id && message.Card is not null && receipt is not null)
        {
            await receipt.PostedAsync(message, id, cancellationToken).ConfigureAwait(false);
        }

        return message.Card is null ? null : sent;
    }
}
