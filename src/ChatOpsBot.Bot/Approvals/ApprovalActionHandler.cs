using System.Globalization;
using ChatOpsBot.Bot.Actions;
using ChatOpsBot.Bot.Conversation;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Rendering;
using ChatOpsBot.Cards;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Protocol;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Protocol.Schema;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Rules;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>
/// Approve / reject / hand over / refresh from an approval card. The clicker's approver role and school, the ticket's state in iTop
/// and the stored round are re-checked on every click; the decision is claimed by compare-and-swap on the round's record
/// before the single iTop stimulus, so concurrent clicks make one decision.
/// </summary>
public sealed class ApprovalActionHandler(
    ITicketDesk desk,
    DeskDirectory directory,
    ApprovalStore store,
    ApprovalMessenger messenger,
    ApprovalBroadcaster broadcaster,
    ApprovalHandOff handOff,
    TimeProvider time,
    ILogger<ApprovalActionHandler> logger)
{
    public static bool Handles(CardActionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Verb is CardVerbs.Approve or CardVerbs.Reject or CardVerbs.HandOffApproval
            || (input.Verb == CardVerbs.Refresh && string.Equals(input.Data.Scope, CardActionData.ApprovalScope, StringComparison.Ordinal));
    }

    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardActionInput input, BotUser user, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(user);
        if (input.TicketId is not { } ticketId || !string.Equals(input.Data.Scope, CardActionData.ApprovalScope, StringComparison.Ordinal)
            || await store.GetAsync(ticketId, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            Log.ActionRefused(logger, input.Verb, "not an approval of a known round");
            return CardActionResult.Text(BotText.Get("Error_BadCard", culture));
        }

        var (ticket, failure) = await TicketReads.ReadAsync(ct => desk.GetTicketAsync(TicketKey.FromId(ticketId), ct),
            ticketId.ToString(CultureInfo.InvariantCulture), input.Verb, logger, culture, cancellationToken).ConfigureAwait(false);
        if (ticket is null)
        {
            return failure!;
        }

        var catalog = await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var brique = DeskDirectory.BriqueOf(catalog, ticket.ServiceId);
        var isApprover = IsApprover(user, ticket);
        var record = stored.Record;
        if (input.Verb == CardVerbs.Refresh)
        {
            return CardActionResult.Show(ApprovalCards.Build(ticket, record, brique, isApprover, culture));
        }

        if (!isApprover)
        {
            Log.ActionRefused(logger, input.Verb, "not an approver of the ticket's school");
            return CardActionResult.Show(ApprovalCards.Build(ticket, record, brique, approver: false, culture, CardText.Notice(CardNotice.NotAllowed, culture)));
        }

        if (record.Decision is not null || record.IsHandingOff(time.GetUtcNow()) || ticket.Status != TicketStatus.WaitingForApproval
            || !string.Equals(input.Data.Stamp, TicketStamp.Of(ticket), StringComparison.Ordinal))
        {
            // The record is read again: a decision taken since the first read is what the clicker must see.
            // A hand-over under way is refused too: the ticket read above may predate its iTop write.
            Log.ActionRefused(logger, input.Verb, "already decided or stale card");
            var latest = (await store.GetAsync(ticketId, cancellationToken).ConfigureAwait(false))?.Record ?? record;
            return CardActionResult.Show(ApprovalCards.Build(ticket, latest, brique, isApprover, culture, CardText.Notice(CardNotice.OutOfDate, culture)));
        }

        if (input.Verb == CardVerbs.HandOffApproval)
        {
            return await handOff.HandleAsync(ticket, stored, brique, user, input, culture, cancellationToken).ConfigureAwait(false);
        }

        var approve = input.Verb == CardVerbs.Approve;
        var comment = input.Get(approve ? CardInputIds.ApproveComment : CardInputIds.RejectComment);
        if (!approve && comment is null)
        {
            var errors = new Dictionary<string, string> { [CardInputIds.RejectComment] = CardText.Get("Approval_RejectCommentRequired", culture) };
            return CardActionResult.Show(ApprovalCards.Build(ticket, record, brique, approver: true, culture, errors: errors));
        }

        var now = time.GetUtcNow();
        var claim = await store.ClaimAsync(stored, now, r => r with
        {
            Decision = approve ? ApprovalDecision.Approved : ApprovalDecision.Rejected,
            DecidedBy = user.Person.FullName,
            DecidedById = user.Person.Id,
            DecidedAt = now,
            Comment = comment,
        }, cancellationToken).ConfigureAwait(false);
        if (claim is null)
        {
            var current = await store.GetAsync(ticketId, cancellationToken).ConfigureAwait(false);
            Log.ActionRefused(logger, input.Verb, "another approver decided first");
            return CardActionResult.Show(ApprovalCards.Build(ticket, current?.Record ?? record, brique, isApprover, culture, CardText.Notice(CardNotice.OutOfDate, culture)));
        }

        var decided = claim.Record;
        Ticket updated;
        try
        {
            updated = await WriteAsync(ticket, approve, user, comment, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever iTop answered, the claim is given back so that the decision can be taken again.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Log.DeskFailed(logger, input.Verb, ex);
            // Given back on whatever the round is now (a hand-over may have saved a card meanwhile), if the claim is still ours.
            await store.UpdateAsync(ticketId, r => r.DecidedById == decided.DecidedById && r.DecidedAt == decided.DecidedAt
                ? r with { Decision = null, DecidedBy = null, DecidedById = null, DecidedAt = null, Comment = null }
                : null, CancellationToken.None).ConfigureAwait(false);
            return CardActionResult.Show(ApprovalCards.Build(ticket, record, brique, isApprover, culture, DeskFailures.Notice(ex, culture, cancellationToken)));
        }

        Log.ApprovalDecided(logger, ticketId, approve ? "approved" : "rejected", user.Person.Id);
        await SpreadAsync(updated, decided, brique, cancellationToken).ConfigureAwait(false);
        return CardActionResult.Show(ApprovalCards.Build(updated, decided, brique, approver: true, culture));
    }

    /// <summary>Server-side: an approver (Roles:ApproverEmails) of the ticket's own school.</summary>
    public static bool IsApprover(BotUser user, Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(ticket);
        return user.Roles.IsApprover && user.Person.OrgId == ticket.OrgId;
    }

    /// <summary>One stimulus, carrying the public-log entry that names the approver (and the comment).</summary>
    private async Task<Ticket> WriteAsync(Ticket ticket, bool approve, BotUser user, string? comment, CancellationToken cancellationToken)
    {
        var key = TicketKey.FromId(ticket.Id);
        if (!approve)
        {
            var reason = BotText.Format("Approval_LogRejected", BotCulture.French, user.Person.FullName, comment);
            return await desk.RejectAsync(key, reason, user.Actor, cancellationToken).ConfigureAwait(false);
        }

        var note = comment is null
            ? BotText.Format("Approval_LogApproved", BotCulture.French, user.Person.FullName)
            : BotText.Format("Approval_LogApprovedWithComment", BotCulture.French, user.Person.FullName, comment);
        return await desk.ApproveAsync(key, note, user.Actor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The other approvers' cards and the channel's show the decision; the opener is told where the ticket was opened. All at once.</summary>
    private Task SpreadAsync(Ticket ticket, ApprovalRecord record, string? brique, CancellationToken cancellationToken) =>
        Task.WhenAll(broadcaster.UpdateCardsAsync(ticket, record, brique, cancellationToken), TellOpenerAsync(ticket, record, cancellationToken));

    private async Task TellOpenerAsync(Ticket ticket, ApprovalRecord record, CancellationToken cancellationToken)
    {
        if (record.OpenerConversationId is not { } conversationId || record.OpenerServiceUrl is not { } serviceUrl)
        {
            return;
        }

        try
        {
            var key = record.Decision == ApprovalDecision.Approved ? "Approval_OpenerApproved" : "Approval_OpenerRejected";
            var text = MarkdownText.Format(key, BotCulture.FromLocale(record.Locale), ticket.Ref, record.DecidedBy, record.Comment ?? "—");
            await messenger.SendAsync(serviceUrl, conversationId, TextMessage.Markdown(text), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectorException or ServiceUrlNotAllowedException or HttpRequestException)
        {
            Log.ApprovalDeliveryFailed(logger, ticket.Id, ex);
        }
    }
}
