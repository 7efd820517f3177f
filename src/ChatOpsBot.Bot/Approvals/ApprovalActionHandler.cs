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
/// Approve / reject / hand over / refresh from an approval card. A click is one read of the ticket in iTop and at most one
/// write (<see cref="ApprovalClick"/>, the desk's plan): the clicker's approver role and school, the ticket's state and the
/// stored round are checked on that read, under the ticket's write lock, and the decision is claimed by compare-and-swap
/// on the round's record before the write, so concurrent clicks make one decision.
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

        var key = TicketKey.FromId(ticketId);
        if (input.Verb == CardVerbs.Refresh)
        {
            var (ticket, failure) = await TicketReads.ReadAsync(ct => desk.GetTicketAsync(key, ct),
                ticketId.ToString(CultureInfo.InvariantCulture), input.Verb, logger, culture, cancellationToken).ConfigureAwait(false);
            return ticket is null
                ? failure!
                : CardActionResult.Show(ApprovalCards.Build(ticket, stored.Record, DeskDirectory.BriqueOf(await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false), ticket.ServiceId),
                    IsApprover(user, ticket), culture));
        }

        var click = new ApprovalClick(input, user, stored, directory, store, handOff, time, culture);
        TicketWriteResult result;
        try
        {
            result = await desk.WriteAsync(key, user.Actor, click.PlanAsync, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever iTop answered, the claim is given back so that the decision can be taken again.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Log.DeskFailed(logger, input.Verb, ex);
            await GiveBackAsync(click, ticketId).ConfigureAwait(false);
            return click.Read is { } read
                ? CardActionResult.Show(ApprovalCards.Build(read, stored.Record, click.Brique, click.IsApprover, culture, DeskFailures.Notice(ex, culture, cancellationToken)))
                : CardActionResult.Text(DeskFailures.IsUnavailable(ex, cancellationToken) ? BotText.Get("Error_ItopUnavailable", culture) : BotText.Get("Error_ActionFailed", culture));
        }

        if (result.Read is not { } current)
        {
            return CardActionResult.Text(BotText.Format("Error_TicketNotFound", culture, ticketId.ToString(CultureInfo.InvariantCulture)));
        }

        if (result.Written is not { } updated)
        {
            Log.ActionRefused(logger, input.Verb, click.Refusal ?? "refused");
            return CardActionResult.Show(ApprovalCards.Build(current, click.Record, click.Brique, click.IsApprover, culture, click.Notice, click.Errors));
        }

        if (click.IsHandOff)
        {
            return await handOff.FinishAsync(updated, click.Record, click.Target!, user, click.Comment, click.Brique, culture, cancellationToken).ConfigureAwait(false);
        }

        Log.ApprovalDecided(logger, ticketId, click.Record.Decision == ApprovalDecision.Approved ? "approved" : "rejected", user.Person.Id);
        await SpreadAsync(updated, click.Record, click.Brique, cancellationToken).ConfigureAwait(false);
        return CardActionResult.Show(ApprovalCards.Build(updated, click.Record, click.Brique, approver: true, culture));
    }

    /// <summary>Server-side: an approver (Roles:ApproverEmails) of the ticket's own school.</summary>
    public static bool IsApprover(BotUser user, Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(ticket);
        return user.Roles.IsApprover && user.Person.OrgId == ticket.OrgId;
    }

    /// <summary>A claim taken by a click whose write failed is given back, if it is still the click's, so that the round can be decided again.</summary>
    private async Task GiveBackAsync(ApprovalClick click, int ticketId)
    {
        if (!click.Claimed)
        {
            return;
        }

        if (click.IsHandOff)
        {
            await handOff.ReleaseAsync(ticketId, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        // Given back on whatever the round is now (a hand-over may have saved a card meanwhile), if the claim is still ours.
        var decided = click.Record;
        await store.UpdateAsync(ticketId, r => r.DecidedById == decided.DecidedById && r.DecidedAt == decided.DecidedAt
            ? r with { Decision = null, DecidedBy = null, DecidedById = null, DecidedAt = null, Comment = null }
            : null, CancellationToken.None).ConfigureAwait(false);
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
            var text = BotText.Format(key, BotCulture.FromLocale(record.Locale), ticket.Ref, record.DecidedBy, record.Comment ?? "—");
            await messenger.SendAsync(serviceUrl, conversationId, TextMessage.Markdown(text), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectorException or ServiceUrlNotAllowedException or HttpRequestException)
        {
            Log.ApprovalDeliveryFailed(logger, ticket.Id, ex);
        }
    }
}
