using System.Globalization;
using ChatOpsBot.Bot.Chats;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Cards.Serialization;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>
/// Re-renders every copy of a round's card after a decision or a hand-over: each approver's in their language, the
/// channel's in French. Each copy is a replacement sent through <see cref="IProactiveMessages"/> (the outbox, in the composed
/// bot): throttled with every other message of its conversation, sent once across a crash, and after the card's own post
/// when that post was still queued.
/// </summary>
public sealed class ApprovalBroadcaster(IProactiveMessages proactive, IOptions<ApprovalsOptions> options, ILogger<ApprovalBroadcaster> logger)
{
    /// <param name="freshCardOf">An approver just sent a new card showing the round as it is (the target of a hand-over): theirs is left alone.</param>
    public async Task UpdateCardsAsync(Ticket ticket, ApprovalRecord record, string? brique, CancellationToken cancellationToken, int? freshCardOf = null)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(record);
        foreach (var approver in record.Approvers.Where(a => a.ServiceUrl is not null && a.ConversationId is not null && a.PersonId != freshCardOf))
        {
            var card = CardSerializer.ToJson(ApprovalCards.Build(ticket, record, brique, approver: true, BotCulture.FromLocale(approver.Locale)));
            var reader = approver.PersonId.ToString(CultureInfo.InvariantCulture);
            await ReplaceAsync(ticket.Id, ApprovalCardReceipt.Card(UpdateKey(record, reader), approver.ServiceUrl!, approver.ConversationId!, card, ticket.Id, approver)
                with { Replaces = true, ActivityId = approver.ActivityId }, cancellationToken).ConfigureAwait(false);
        }

        var o = options.Value;
        if (o.ChannelServiceUrl is { } channelUrl && o.ChannelConversationId is { } channel)
        {
            var card = CardSerializer.ToJson(ApprovalCards.Build(ticket, record, brique, approver: false, BotCulture.French));
            await ReplaceAsync(ticket.Id, ApprovalCardReceipt.Card(UpdateKey(record, "channel"), channelUrl, channel, card, ticket.Id, null)
                with { Replaces = true, ActivityId = record.ChannelActivityId }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One replacement per copy, hand-over and decision: the same step finished twice (a click and the background) replaces
    /// once. It sorts after the copy's own post (whose key it extends), should both be queued in the same instant.
    /// </summary>
    private static string UpdateKey(ApprovalRecord record, string reader) =>
        ApprovalStarter.CardKey(record, reader) + ":update:" + (record.Decision?.ToString() ?? "open");

    private async Task ReplaceAsync(int ticketId, ProactiveMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await proactive.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectorException or ServiceUrlNotAllowedException or HttpRequestException)
        {
            // Sent at once (no outbox): one unreachable chat must not keep the other copies stale.
            Log.ApprovalDeliveryFailed(logger, ticketId, ex);
        }
    }
}
