using System.Globalization;
using ChatOpsBot.Bot.Actions;
using ChatOpsBot.Bot.Conversation;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Notifications;
using ChatOpsBot.Cards;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.People;
using ChatOpsBot.Tickets.Rules;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>
/// "Hand over" from an approval card: the request goes to another approver of the school (iTop's approver_id, one
/// update with a private-log note), who is told in personal chat; every copy of the card then names the new approver.
/// The caller (<see cref="ApprovalActionHandler"/>) has already checked the clicker's rights and the card's freshness.
/// </summary>
public sealed class ApprovalHandOff(
    ITicketDesk desk,
    ApprovalStarter starter,
    ApprovalStore store,
    PersonalChatFinder chats,
    ApprovalMessenger messenger,
    ApprovalBroadcaster broadcaster,
    TimeProvider time,
    ILogger<ApprovalHandOff> logger)
{
    public async Task<CardActionResult> HandleAsync(Ticket ticket, StoredApproval stored, string? brique, BotUser user, CardActionInput input, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(input);
        var record = stored.Record;

        // The target is checked against the school's approvers now, never trusted from the card.
        var approvers = await starter.ApproversOfAsync(ticket.OrgId, cancellationToken).ConfigureAwait(false);
        var target = int.TryParse(input.Get(CardInputIds.HandOffApprover), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? approvers.FirstOrDefault(p => p.Id == id && p.Id != ticket.ApproverId)
            : null;
        if (target is null)
        {
            Log.ActionRefused(logger, input.Verb, "hand-over target is not another approver of the school");
            var errors = new Dictionary<string, string> { [CardInputIds.HandOffApprover] = CardText.Get("Approval_HandOffChoose", culture) };
            return CardActionResult.Show(ApprovalCards.Build(ticket, record, brique, approver: true, culture, errors: errors));
        }

        // Claimed on the round as read at the click: a decision or another hand-over since then wins, this click is refused;
        // while the claim holds, other clicks are refused too (ApprovalRecord.HandOffStartedAt).
        var now = time.GetUtcNow();
        var claim = await store.ClaimAsync(stored, now, r => r with { HandOffStartedAt = now, HandOffs = r.HandOffs + 1 }, cancellationToken).ConfigureAwait(false);
        if (claim is null)
        {
            Log.ActionRefused(logger, input.Verb, "the round changed since the click");
            var latest = (await store.GetAsync(ticket.Id, cancellationToken).ConfigureAwait(false))?.Record ?? record;
            return CardActionResult.Show(ApprovalCards.Build(ticket, latest, brique, approver: true, culture, CardText.Notice(CardNotice.OutOfDate, culture)));
        }

        record = claim.Record;

        var comment = input.Get(CardInputIds.HandOffComment);
        var note = comment is null
            ? BotText.Format("Approval_LogHandedOff", BotCulture.French, user.Person.FullName, target.FullName)
            : BotText.Format("Approval_LogHandedOffWithComment", BotCulture.French, user.Person.FullName, target.FullName, comment);
        Ticket updated;
        try
        {
            updated = await desk.HandToApproverAsync(TicketKey.FromId(ticket.Id), target.Id, note, user.Actor, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The claim changed nothing in the round: the card just says why, and the approver can try again.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Log.DeskFailed(logger, input.Verb, ex);
            await ReleaseAsync(ticket.Id, cancellationToken).ConfigureAwait(false);
            return CardActionResult.Show(ApprovalCards.Build(ticket, record, brique, approver: true, culture, DeskFailures.Notice(ex, culture, cancellationToken)));
        }

        Log.ApprovalHandedOff(logger, ticket.Id, user.Person.Id, target.Id);
        await ReleaseAsync(ticket.Id, cancellationToken).ConfigureAwait(false);
        // The new approver's chat is found first, so that every copy names them among those who see the buttons; then the
        // copies already posted are updated while the new approver is told (and gets a card if they had none).
        var (reached, chat) = await ReachAsync(record, target, ticket.Id, cancellationToken).ConfigureAwait(false);
        record = record with { Approvers = [.. record.Approvers.Where(a => a.PersonId != target.Id), reached] };
        var told = chat is null ? Task.FromResult(reached) : TellAsync(updated, record, reached, chat, user, comment, brique, cancellationToken);
        await Task.WhenAll(told, broadcaster.UpdateCardsAsync(updated, record, brique, cancellationToken)).ConfigureAwait(false);
        record = (await store.SaveCardsAsync(ticket.Id, [await told.ConfigureAwait(false)], cancellationToken).ConfigureAwait(false))?.Record ?? record;
        return CardActionResult.Show(ApprovalCards.Build(updated, record, brique, approver: true, culture, CardText.Format("Approval_HandedOff", culture, target.FullName)));
    }

    private Task<StoredApproval?> ReleaseAsync(int ticketId, CancellationToken cancellationToken) =>
        store.UpdateAsync(ticketId, r => r.HandOffStartedAt is null ? null : r with { HandOffStartedAt = null }, cancellationToken);

    /// <summary>The new approver as the round knows them, with their personal chat when Teams offers one.</summary>
    private async Task<(ApproverRef Approver, ConversationReference? Chat)> ReachAsync(ApprovalRecord record, Person target, int ticketId, CancellationToken cancellationToken)
    {
        var known = record.Approvers.FirstOrDefault(a => a.PersonId == target.Id) ?? new ApproverRef { PersonId = target.Id, Name = target.FullName };
        if (await chats.FindAsync(target.Id, cancellationToken).ConfigureAwait(false) is not { UserId: not null } chat)
        {
            Log.ApproverUnreachable(logger, ticketId, target.Id);
            return (known, null);
        }

        return (known with { TeamsUserId = chat.UserId, ServiceUrl = chat.ServiceUrl, ConversationId = chat.ConversationId, Locale = chat.Locale }, chat);
    }

    /// <summary>The new approver gets a personal message in their language, and the card too when they had none yet.</summary>
    private async Task<ApproverRef> TellAsync(Ticket ticket, ApprovalRecord record, ApproverRef target, ConversationReference chat, BotUser from, string? comment, string? brique, CancellationToken cancellationToken)
    {
        var known = target.ActivityId is null
            ? await starter.PostCardAsync(ticket, record, target, brique, null, cancellationToken).ConfigureAwait(false)
            : target;
        var culture = BotCulture.FromLocale(chat.Locale);
        var text = comment is null
            ? MarkdownText.Format("Approval_HandedOffToYou", culture, from.Person.FullName, ticket.Ref)
            : MarkdownText.Format("Approval_HandedOffToYouWithComment", culture, from.Person.FullName, ticket.Ref, comment);
        try
        {
            await messenger.SendAsync(chat.ServiceUrl, chat.ConversationId, TextMessage.Markdown(text), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectorException or ServiceUrlNotAllowedException or HttpRequestException)
        {
            Log.ApprovalDeliveryFailed(logger, ticket.Id, ex);
        }

        return known;
    }
}
