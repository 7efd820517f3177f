using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Protocol.Proactive;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>Re-renders every posted copy of a round's card after a decision or a hand-over: each approver's in their language, the channel's in French.</summary>
public sealed class ApprovalBroadcaster(IProactiveSender sender, IOptions<ApprovalsOptions> options, ILogger<ApprovalBroadcaster> logger)
{
    /// <summary>All copies at once (one Connector round trip, not one per copy): this runs before the click's invoke is answered.</summary>
    public async Task UpdateCardsAsync(Ticket ticket, ApprovalRecord record, string? brique, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(record);
        var updates = record.Approvers
            .Where(a => a.ServiceUrl is not null && a.ConversationId is not null && a.ActivityId is not null)
            .Select(approver => TryAsync(ticket.Id, () => sender.UpdateAsync(ConversationReference.To(approver.ServiceUrl!, approver.ConversationId!), approver.ActivityId!,
                CardMessage.Of(ApprovalCards.Build(ticket, record, brique, approver: true, BotCulture.FromLocale(approver.Locale))), cancellationToken)))
            .ToList();

        var o = options.Value;
        if (record.ChannelActivityId is { } channelActivity && o.ChannelServiceUrl is { } channelUrl && o.ChannelConversationId is { } channel)
        {
            updates.Add(TryAsync(ticket.Id, () => sender.UpdateAsync(ConversationReference.To(channelUrl, channel), channelActivity,
                CardMessage.Of(ApprovalCards.Build(ticket, record, brique, approver: false, BotCulture.French)), cancellationToken)));
        }

        // Each copy fails alone: one unreachable chat must not keep the others stale.
        await Task.WhenAll(updates).ConfigureAwait(false);
    }

    private async Task TryAsync(int ticketId, Func<Task> update)
    {
        try
        {
            await update().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectorException or ServiceUrlNotAllowedException or HttpRequestException)
        {
            Log.ApprovalDeliveryFailed(logger, ticketId, ex);
        }
    }
}
