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
using ChatOpsBot.Tickets.Rules;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>
/// "Soumettre à approbation" on the ticket card of a new request (e.g. reopened after a rejection): the group desk sends
/// it for approval; rights and the card's stamp are re-checked on the ticket just read from iTop.
/// </summary>
public sealed class SendForApprovalHandler(
    ITicketDesk desk,
    DeskDirectory directory,
    ApprovalStarter starter,
    ApprovalStore store,
    TicketCardFactory cards,
    TicketViewers viewers,
    DeskFailureReplies failures,
    TimeProvider time,
    ILogger<SendForApprovalHandler> logger) : ICardActionHandler
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

            var watchers = await viewers.AddAsync(ticket.Id, user.TeamsUserId, cancellationToken).ConfigureAwait(false);
            var view = new TicketCardRequest(ticket, user) { RefreshUserIds = watchers };
            var allowed = TicketRights.IsAllowed(Tickets.Rights.TicketAction.HandToApprover, user.Roles, user.Person.Id, ticket, brique);
            if (!allowed || !string.Equals(input.Data.Stamp, TicketStamp.Of(ticket), StringComparison.Ordinal))
            {
                Log.ActionRefused(logger, input.Verb, allowed ? "stale card" : "not allowed");
                var notice = CardText.Notice(allowed ? CardNotice.OutOfDate : CardNotice.NotAllowed, culture);
                return CardActionResult.Show(await cards.BuildAsync(view with { Notice = notice }, culture, cancellationToken).ConfigureAwait(false));
            }

            // A request left half done (iTop refused, the bot restarted) is carried on; otherwise a new round begins.
            var held = false;
            if (await store.GetAsync(ticket.Id, cancellationToken).ConfigureAwait(false) is not { Record.Phase: not ApprovalPhase.Open })
            {
                held = await starter.BeginAsync(new ApprovalRecord
                {
                    TicketId = ticket.Id,
                    OrgId = ticket.OrgId,
                    RequestedAt = time.GetUtcNow(),
                    RequestedBy = user.Person.FullName,
                    RequestedById = user.Person.Id,
                    OpenerConversationId = turn.Activity.Conversation?.Id,
                    OpenerServiceUrl = turn.Activity.ServiceUrl,
                    OpenerActivityId = turn.Activity.ReplyToId,
                    OpenerUserId = user.TeamsUserId,
                    Locale = turn.Activity.Locale,
                }, keepExisting: false, cancellationToken).ConfigureAwait(false);
            }

            var progress = await starter.ContinueAsync(ticket.Id, background: false, cancellationToken, held).ConfigureAwait(false);
            if (!progress.IsDone)
            {
                var standing = ApprovalStanding.Text(progress, failures, culture);
                return CardActionResult.Show(await cards.BuildAsync(view with { Ticket = progress.Ticket ?? ticket, Notice = standing }, culture, cancellationToken).ConfigureAwait(false));
            }

            var waiting = progress.Ticket ?? ticket;
            var done = view with { Ticket = waiting, Notice = CardText.Notice(CardNotice.Done, culture) };
            return CardActionResult.Show(await cards.BuildAsync(done, culture, cancellationToken).ConfigureAwait(false)) with
            {
                SharedCard = await cards.BuildAsync(new TicketCardRequest(waiting, null) { RefreshUserIds = watchers }, culture, cancellationToken).ConfigureAwait(false),
            };
        }
        catch (TicketRuleException ex)
        {
            Log.ActionRefused(logger, input.Verb, ex.Code);
            return CardActionResult.Text(ex.Reason(culture));
        }
        catch (Exception ex) when (DeskFailures.KindOf(ex, cancellationToken) is { } kind)
        {
            DeskFailures.Log(logger, input.Verb, ex, cancellationToken);
            return CardActionResult.Text(failures.Text(kind, culture));
        }
    }
}
