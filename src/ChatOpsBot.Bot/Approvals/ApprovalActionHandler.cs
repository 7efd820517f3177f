using System.Globalization;
using ChatOpsBot.Bot.Failures;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Cards;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Protocol;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>
/// Approve / reject / hand over / refresh from an approval card. A click is one read of the ticket in iTop and at most one
/// write (<see cref="ApprovalClick"/>, the desk's plan): the clicker's approver role and school, the ticket's state and the
/// stored round are checked on that read under the ticket's write lock; the click is claimed as an intent by compare-and-swap
/// on the round's record before the write, so concurrent clicks make one decision, and the round says the decision only once
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
    ILogger<ApprovalActionHandler> logger) : ICardActionHandler
{
    private static readonly TimeSpan SettleWait = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan SettlePoll = TimeSpan.FromMilliseconds(50);

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

        var key = TicketKey.FromId(ticketId);
        if (input.Verb == CardVerbs.Refresh)
        {
            var (ticket, failure) = await TicketReads.ReadAsync(ct => desk.GetTicketAsync(key, ct),
                ticketId.ToString(CultureInfo.InvariantCulture), input.Verb, logger, culture, cancellationToken).ConfigureAwait(false);
            return ticket is null
                ? failure!
                : CardActionResult.Show(ApprovalCards.Build(ticket, stored.Record, await BriqueAsync(ticket, cancellationToken).ConfigureAwait(false), ApproverPolicy.MayDecide(user, ticket, stored.Record), culture));
        }

        // One read and at most one write: the click is decided on the ticket the desk reads under its write lock.
        var click = new ApprovalClick(input, user, stored, directory, decisions, handOff, time, culture);
        TicketWriteResult result;
        try
        {
            result = await desk.WriteAsync(key, user.Actor, click.PlanAsync, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever iTop answered, the intent is dropped so that the decision can be taken again.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            DeskFailures.Log(logger, input.Verb, ex, cancellationToken);
            if (click.Intent is { } claimed)
            {
                await decisions.GiveBackAsync(ticketId, claimed).ConfigureAwait(false);
            }

            return click.Read is { } read
                ? CardActionResult.Show(ApprovalCards.Build(read, stored.Record, click.Brique, click.IsApprover, culture, failures.Notice(ex, culture, cancellationToken)))
                : CardActionResult.Text(DeskFailures.KindOf(ex, cancellationToken) is { } kind ? failures.Text(kind, culture) : failures.Unexpected(culture));
        }

        if (result.Read is not { } current)
        {
            return CardActionResult.Text(BotText.Format("Error_TicketNotFound", culture, ticketId.ToString(CultureInfo.InvariantCulture)));
        }

        if (result.Written is not { } updated || click.Intent is not { } intent)
        {
            Log.ActionRefused(logger, input.Verb, click.Refusal ?? "refused");
            return CardActionResult.Show(click.TooLate
                ? await LatestAsync(current, stored.Record, click.Brique, culture, cancellationToken).ConfigureAwait(false)
                : ApprovalCards.Build(current, stored.Record, click.Brique, click.IsApprover, culture, click.Notice, click.Errors));
        }

        if (intent.Kind == ApprovalIntentKind.HandOff)
        {
            return await handOff.CompleteClickAsync(updated, intent, stored.Record, click.Brique, culture, cancellationToken).ConfigureAwait(false);
        }

        var decided = await decisions.RecordAsync(ticketId, intent).ConfigureAwait(false) ?? stored.Record;
        await decisions.SpreadAsync(updated, decided, click.Brique, cancellationToken).ConfigureAwait(false);
        return CardActionResult.Show(ApprovalCards.Build(updated, decided, click.Brique, approver: true, culture));
    }

    private async Task<string?> BriqueAsync(Ticket ticket, CancellationToken cancellationToken) =>
        DeskDirectory.BriqueOf(await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false), ticket.ServiceId);

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
