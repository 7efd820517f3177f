using ChatOpsBot.Protocol.Proactive;

namespace ChatOpsBot.Bot.Chats;

/// <summary>The messages sent at once, for a bot composed without the notifications' outbox (tests of the turns alone).</summary>
public sealed class DirectProactiveMessages(IProactiveSender sender, IEnumerable<IProactiveCardReceipt> receipts) : IProactiveMessages
{
    public async Task<string?> SendAsync(ProactiveMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var receipt = receipts.FirstOrDefault(r => r.Purpose == message.Purpose);
        return (await ProactiveDelivery.SendAsync(sender, receipt, message, static () => { }, cancellationToken).ConfigureAwait(false)).PostedCardId;
    }
}
