using System.Text.Json;
using ChatOpsBot.Bot.Chats;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>
/// Where an approval card went, once posted (through the outbox): the approver's card in the round (the one a decision
/// updates), or the channel's. A card the round already knows was posted before a crash and is not posted again.
/// </summary>
public sealed class ApprovalCardReceipt(ApprovalStore store) : IProactiveCardReceipt
{
    public const string ApprovalPurpose = "approval";

    public string Purpose => ApprovalPurpose;

    /// <summary>The card of an approval round, for an approver (or the channel when <paramref name="approver"/> is null).</summary>
    public static ProactiveMessage Card(string key, string serviceUrl, string conversationId, string card, int ticketId, ApproverRef? approver) => new()
    {
        Key = key,
        ServiceUrl = serviceUrl,
        ConversationId = conversationId,
        Card = card,
        Purpose = ApprovalPurpose,
        TicketId = ticketId,
        Context = approver is null ? null : JsonSerializer.Serialize(approver, ApprovalJsonContext.Default.ApproverRef),
    };

    public async Task<bool> IsPostedAsync(ProactiveMessage card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var round = (await store.GetAsync(card.TicketId, cancellationToken).ConfigureAwait(false))?.Record;
        // A reminder goes to an approver who has a card already: the round cannot tell it was posted, it may go twice.
        return Approver(card) is { } approver
            ? approver.ActivityId is null
              && round?.Approvers.Any(a => a.PersonId == approver.PersonId && a.ActivityId is not null && a.ConversationId == card.ConversationId) == true
            : round?.ChannelActivityId is not null;
    }

    public async Task<string?> PostedIdAsync(ProactiveMessage card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var round = (await store.GetAsync(card.TicketId, cancellationToken).ConfigureAwait(false))?.Record;
        return Approver(card) is { } approver
            ? round?.Approvers.FirstOrDefault(a => a.PersonId == approver.PersonId && a.ConversationId == card.ConversationId)?.ActivityId
            : round?.ChannelActivityId;
    }

    public async Task PostedAsync(ProactiveMessage card, string activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (Approver(card) is { } approver)
        {
            await store.SaveCardsAsync(card.TicketId, [approver with { ActivityId = activityId }], cancellationToken).ConfigureAwait(false);
            return;
        }

        await store.UpdateAsync(card.TicketId, r => r.ChannelActivityId is null ? r with { ChannelActivityId = activityId } : null, cancellationToken).ConfigureAwait(false);
    }

    private static ApproverRef? Approver(ProactiveMessage card) =>
        card.Context is null ? null : JsonSerializer.Deserialize(card.Context, ApprovalJsonContext.Default.ApproverRef);
}
