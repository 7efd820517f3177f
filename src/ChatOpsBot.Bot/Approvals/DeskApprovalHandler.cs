using System.Globalization;
using ChatOpsBot.Bot.Failures;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Rendering;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Cards;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Protocol;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Rights;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>
/// « Approuver ou refuser » on the ticket card of a request that waits on nobody (iTop's approver_id is empty: a school
/// without approvers, or a request made in the console): the group desk takes it up, and the card becomes the approval
/// card with its Approve and Reject buttons. The round is the bot's alone (no iTop write here); the decision is then an
/// ordinary approval click (<see cref="ApprovalActionHandler"/>).
/// </summary>
public sealed class DeskApprovalHandler(
    ITicketDesk desk,
    DeskDirectory directory,
    ApprovalStore store,
    ApproverPolicy policy,
    TicketCardFactory cards,
    DeskFailureReplies failures,
    TimeProvider time,
    ILogger<DeskApprovalHandler> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardActionInput input, BotUser user, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(user);
        try
        {
            var (ticket, brique, refusal) = await VisibleTicket.ReadAsync(desk, directory, input, user, culture, cancellationToken).ConfigureAwait(false);
            if (ticket is null)
            {
                return refusal!;
            }

            var view = new TicketCardRequest(ticket, user);
            if (!TicketRights.IsAllowed(Tickets.Rights.TicketAction.DecideApproval, user.Roles, user.Person.Id, ticket, brique))
            {
                Log.ActionRefused(logger, input.Verb, "not the group desk, or the request has an approver");
                var notice = CardText.Notice(user.Roles.IsGroupDesk || user.Roles.IsAdmin ? CardNotice.OutOfDate : CardNotice.NotAllowed, culture);
                return CardActionResult.Show(await cards.BuildAsync(view with { Notice = notice }, culture, cancellationToken).ConfigureAwait(false));
            }

            if (await TakeUpAsync(turn, ticket, user, cancellationToken).ConfigureAwait(false) is not { } round)
            {
                return CardActionResult.Show(await cards.BuildAsync(view with { Notice = BotText.Get("Approval_InProgress", culture) }, culture, cancellationToken)
                    .ConfigureAwait(false));
            }

            return CardActionResult.Show(ApprovalCards.Build(ticket, round, brique, approver: true, culture));
        }
        catch (Exception ex) when (DeskFailures.KindOf(ex, cancellationToken) is { } kind)
        {
            DeskFailures.Log(logger, input.Verb, ex, cancellationToken);
            return CardActionResult.Text(failures.Text(kind, culture));
        }
    }

    /// <summary>
    /// The round the group desk decides, with the clicker among its approvers (their card is the one clicked, updated when
    /// a colleague decides first); null while a decision or a request is under way.
    /// </summary>
    private async Task<ApprovalRecord?> TakeUpAsync(TurnContext turn, Ticket ticket, BotUser user, CancellationToken cancellationToken)
    {
        var me = new ApproverRef
        {
            PersonId = user.Person.Id,
            Name = user.Person.FullName,
            TeamsUserId = user.TeamsUserId,
            ServiceUrl = turn.Activity.ServiceUrl,
            ConversationId = turn.Activity.Conversation?.Id,
            ActivityId = turn.Activity.ReplyToId,
            Locale = turn.Activity.Locale,
        };
        var stored = await store.GetAsync(ticket.Id, cancellationToken).ConfigureAwait(false);
        if (stored?.Record is { Decision: null } current)
        {
            if (!current.IsIdle)
            {
                return null;
            }

            if (current.ByGroupDesk)
            {
                var joined = await store.UpdateAsync(ticket.Id, r => r.Approvers.Any(a => a.PersonId == me.PersonId) ? null : r with { Approvers = [.. r.Approvers, me] }, cancellationToken)
                    .ConfigureAwait(false);
                return joined?.Record ?? current;
            }
        }

        // No round (a request made in the console), a decided one (asked again since), or a school's round iTop no longer
        // ties to an approver: the group desk's round replaces it.
        var deskPeople = await policy.GroupDeskAsync(cancellationToken).ConfigureAwait(false);
        var round = new ApprovalRecord
        {
            TicketId = ticket.Id,
            OrgId = ticket.OrgId,
            RequestedAt = ticket.LastUpdate ?? time.GetUtcNow(),
            RequestedBy = ticket.CallerName,
            RequestedById = ticket.CallerId,
            Phase = ApprovalPhase.Open,
            ByGroupDesk = true,
            TakenOverByDesk = true,
            Approvers = [me, .. deskPeople.Where(p => p.PersonId != me.PersonId)],
        };
        var written = stored is null
            ? await store.CreateAsync(round, cancellationToken).ConfigureAwait(false)
            : await store.PutAsync(round, stored.ETag, cancellationToken).ConfigureAwait(false);
        return written?.Record;
    }
}
