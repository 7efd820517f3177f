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
using ChatOpsBot.Tickets;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>
/// Approve / reject / hand over / refresh from an approval card. The clicker's approver role and school, the ticket's state in iTop
/// and the stored round are re-checked on every click; the click is claimed as an intent by compare-and-swap on the round's
/// record before the single iTop stimulus, so concurrent clicks make one decision, and the round says the decision only once
/// iTop took it (<see cref="ApprovalDecisions"/>). A round left half done by a dead instance is finished first.
/// </summary>
public sealed class ApprovalActionHandler(
    ITicketDesk desk,
    DeskDirectory directory,
    ApprovalStore store,
    ApprovalDecisions decisions,
    ApprovalHandOff handOff,
    ApprovalFinisher finisher,
    DeskFailureReplies failures,
    TimeProvider time,
    ILogger<ApprovalActionHandler> logger)
{
    private static readonly TimeSpan SettleWait = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan SettlePoll = TimeSpan.FromMilliseconds(50);

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

        if (stored.Record is { Decision: null, IsIdle: false })
        {
            // A request or a click another instance left half done (it died): finished now if nobody alive is on it.
            await finisher.FinishAsync(ticketId, background: false, cancellationToken).ConfigureAwait(false);
            stored = await store.GetAsync(ticketId, cancellationToken).ConfigureAwait(false) ?? stored;
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

        if (!record.IsIdle || ticket.Status != TicketStatus.WaitingForApproval || !string.Equals(input.Data.Stamp, TicketStamp.Of(ticket), StringComparison.Ordinal))
        {
            // The record is read again: a decision taken since the first read is what the clicker must see. A click under way
            // (another approver's, not confirmed by iTop yet) is refused too: the ticket read above may predate its iTop write.
            Log.ActionRefused(logger, input.Verb, "already decided, under way or stale card");
            return CardActionResult.Show(await LatestAsync(ticket, record, brique, culture, cancellationToken).ConfigureAwait(false));
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

        var intent = new ApprovalIntent
        {
            Kind = approve ? ApprovalIntentKind.Approve : ApprovalIntentKind.Reject,
            ById = user.Person.Id,
            By = user.Person.FullName,
            At = time.GetUtcNow(),
            Comment = comment,
        };
        if (await decisions.ClaimAsync(stored, intent, cancellationToken).ConfigureAwait(false) is null)
        {
            Log.ActionRefused(logger, input.Verb, "another approver decided first");
            return CardActionResult.Show(await LatestAsync(ticket, record, brique, culture, cancellationToken).ConfigureAwait(false));
        }

        Ticket updated;
        try
        {
            updated = await decisions.WriteAsync(ticketId, intent, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever iTop answered, the intent is dropped so that the decision can be taken again.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            DeskFailures.Log(logger, input.Verb, ex, cancellationToken);
            await decisions.GiveBackAsync(ticketId, intent).ConfigureAwait(false);
            return CardActionResult.Show(ApprovalCards.Build(ticket, record, brique, isApprover, culture, failures.Notice(ex, culture, cancellationToken)));
        }

        var decided = await decisions.RecordAsync(ticketId, intent).ConfigureAwait(false) ?? record;
        await decisions.SpreadAsync(updated, decided, brique, cancellationToken).ConfigureAwait(false);
        return CardActionResult.Show(ApprovalCards.Build(updated, decided, brique, approver: true, culture));
    }

    /// <summary>Server-side: an approver (Roles:ApproverEmails) of the ticket's own school.</summary>
    public static bool IsApprover(BotUser user, Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(ticket);
        return user.Roles.IsApprover && user.Person.OrgId == ticket.OrgId;
    }

    /// <summary>
    /// The card of the round as stored now, saying why the click did nothing. Another approver's click under way (its iTop
    /// write takes a moment) is waited for a few seconds, so that the card shows its decision; if it still is not settled,
    /// the card says a decision is under way, without buttons.
    /// </summary>
    private async Task<AdaptiveCard> LatestAsync(Ticket ticket, ApprovalRecord read, string? brique, CultureInfo culture, CancellationToken cancellationToken)
    {
        var latest = (await store.GetAsync(ticket.Id, cancellationToken).ConfigureAwait(false))?.Record ?? read;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (latest is { Decision: null, Intent: not null } && waited.Elapsed < SettleWait)
        {
            // Real time on purpose: this waits for another request, not for anything the bot schedules.
            await Task.Delay(SettlePoll, cancellationToken).ConfigureAwait(false);
            latest = (await store.GetAsync(ticket.Id, cancellationToken).ConfigureAwait(false))?.Record ?? latest;
        }

        return latest is { Decision: null, IsIdle: false }
            ? ApprovalCards.Build(ticket, latest, brique, approver: false, culture, BotText.Get("Approval_InProgress", culture))
            : ApprovalCards.Build(ticket, latest, brique, approver: true, culture, CardText.Notice(CardNotice.OutOfDate, culture));
    }
}
