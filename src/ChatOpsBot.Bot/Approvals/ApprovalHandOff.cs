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
/// update with a private-log note, decided and written by <see cref="ApprovalClick"/>), who is told in personal chat;
/// every copy of the card then names the new approver.
/// </summary>
public sealed class ApprovalHandOff(
    ApprovalStarter starter,
    ApprovalStore store,
    PersonalChatFinder chats,
    ApprovalMessenger messenger,
    ApprovalBroadcaster broadcaster,
    ILogger<ApprovalHandOff> logger)
{
    /// <summary>The approver the card asks to hand over to, if they are another approver of the ticket's school; else null.</summary>
    public async Task<Person?> TargetAsync(Ticket ticket, CardActionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(input);
        var approvers = await starter.ApproversOfAsync(ticket.OrgId, cancellationToken).ConfigureAwait(false);
        return int.TryParse(input.Get(CardInputIds.HandOffApprover), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? approvers.FirstOrDefault(p => p.Id == id && p.Id != ticket.ApproverId)
            : null;
    }

    /// <summary>After the iTop write: the round is freed, the new approver told (and given a card), every copy updated.</summary>
    public async Task<CardActionResult> FinishAsync(Ticket updated, ApprovalRecord record, Person target, BotUser user, string? comment, string? brique, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updated);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(user);
        Log.ApprovalHandedOff(logger, updated.Id, user.Person.Id, target.Id);
        await ReleaseAsync(updated.Id, cancellationToken).ConfigureAwait(false);
        // The new approver's chat is found first, so that every copy names them among those who see the buttons; then the
        // copies already posted are updated while the new approver is told (and gets a card if they had none).
        var (reached, chat) = await ReachAsync(record, target, updated.Id, cancellationToken).ConfigureAwait(false);
        record = record with { Approvers = [.. record.Approvers.Where(a => a.PersonId != target.Id), reached] };
        var told = chat is null ? Task.FromResult(reached) : TellAsync(updated, record, reached, chat, user, comment, brique, cancellationToken);
        await Task.WhenAll(told, broadcaster.UpdateCardsAsync(updated, record, brique, cancellationToken)).ConfigureAwait(false);
        record = (await store.SaveCardsAsync(updated.Id, [await told.ConfigureAwait(false)], cancellationToken).ConfigureAwait(false))?.Record ?? record;
        return CardActionResult.Show(ApprovalCards.Build(updated, record, brique, approver: true, culture, CardText.Format("Approval_HandedOff", culture, target.FullName)));
    }

    /// <summary>Frees the round held by a hand-over's claim (written, or refused by iTop).</summary>
    public Task<StoredApproval?> ReleaseAsync(int ticketId, CancellationToken cancellationToken) =>
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
            ? BotText.Format("Approval_HandedOffToYou", culture, from.Person.FullName, ticket.Ref)
            : BotText.Format("Approval_HandedOffToYouWithComment", culture, from.Person.FullName, ticket.Ref, comment);
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
