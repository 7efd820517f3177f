using System.Globalization;
using ChatOpsBot.Bot.Conversation;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Rendering;
using ChatOpsBot.Bot.Rights;
using ChatOpsBot.Cards;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Protocol;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Rules;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Actions;

/// <summary>
/// The ticket card's buttons. Each action re-reads the ticket from iTop and re-checks the clicker's rights on it;
/// the card's data only says which ticket and which version the clicker was looking at.
/// </summary>
public sealed class TicketActionHandler(
    ITicketDesk desk,
    DeskDirectory directory,
    TicketWriter writer,
    TicketCardFactory cards,
    TicketViewers viewers,
    TypingIndicator typing,
    ILogger<TicketActionHandler> logger)
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardActionInput input, BotUser user, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(user);
        if (input.TicketId is not { } ticketId || TicketVerbs.ActionOf(input.Verb) is not { } action)
        {
            return CardActionResult.Text(BotText.Get("Error_BadCard", culture));
        }

        var (ticket, failure) = await TicketReads.ReadAsync(ct => typing.WhileAsync(turn, c => desk.GetTicketAsync(TicketKey.FromId(ticketId), c), ct),
            ticketId.ToString(CultureInfo.InvariantCulture), input.Verb, logger, culture, cancellationToken).ConfigureAwait(false);
        if (ticket is null)
        {
            return failure!;
        }

        var catalog = await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var brique = DeskDirectory.BriqueOf(catalog, ticket.ServiceId);
        if (!TicketRights.CanView(user.Roles, user.Person.Id, ticket, brique))
        {
            Log.ActionRefused(logger, input.Verb, "cannot see the ticket");
            return CardActionResult.Text(BotText.Get("Error_TicketNotVisible", culture));
        }

        var watchers = await viewers.AddAsync(ticket.Id, user.TeamsUserId, cancellationToken).ConfigureAwait(false);
        var view = new TicketCardRequest(ticket, user) { RefreshUserIds = watchers };

        if (action == TicketAction.Refresh)
        {
            return CardActionResult.Show(await cards.BuildAsync(view, culture, cancellationToken).ConfigureAwait(false));
        }

        if (!TicketRights.IsAllowed(action, user.Roles, user.Person.Id, ticket, brique))
        {
            var stale = !string.Equals(input.Data.Stamp, TicketStamp.Of(ticket), StringComparison.Ordinal);
            Log.ActionRefused(logger, input.Verb, stale ? "stale card, not allowed now" : "not allowed");
            var notice = stale ? CardText.Notice(CardNotice.OutOfDate, culture) : CardText.Notice(CardNotice.NotAllowed, culture);
            return CardActionResult.Show(await cards.BuildAsync(view with { Notice = notice }, culture, cancellationToken).ConfigureAwait(false));
        }

        if (string.Equals(input.Verb, CardVerbs.AssignPickTeam, StringComparison.Ordinal))
        {
            var picked = view with { OpenForm = TicketAction.Assign, PickedTeamId = input.GetInt(CardInputIds.AssignTeam) };
            return CardActionResult.Show(await cards.BuildAsync(picked, culture, cancellationToken).ConfigureAwait(false));
        }

        if (!string.Equals(input.Data.Stamp, TicketStamp.Of(ticket), StringComparison.Ordinal))
        {
            Log.ActionRefused(logger, input.Verb, "stale card");
            var fresh = view with { Notice = CardText.Notice(CardNotice.OutOfDate, culture) };
            return CardActionResult.Show(await cards.BuildAsync(fresh, culture, cancellationToken).ConfigureAwait(false));
        }

        return await WriteAsync(turn, action, input, view, brique, culture, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CardActionResult> WriteAsync(
        TurnContext turn,
        TicketAction action,
        CardActionInput input,
        TicketCardRequest view,
        string? brique,
        CultureInfo culture,
        CancellationToken cancellationToken)
    {
        var user = view.Viewer!;
        WriteOutcome outcome;
        try
        {
            outcome = await typing.WhileAsync(
                turn,
                ct => writer.ApplyAsync(action, input, view.Ticket, user, brique, culture, ct),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TicketRuleException ex)
        {
            Log.ActionRefused(logger, input.Verb, ex.Code);
            return CardActionResult.Show(await cards.BuildAsync(view with { Notice = ex.Reason(culture) }, culture, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (DeskFailures.IsUnavailable(ex, cancellationToken))
        {
            Log.DeskUnavailable(logger, input.Verb, ex);
            var notice = CardText.Notice(CardNotice.ItopUnavailable, culture);
            return CardActionResult.Show(await cards.BuildAsync(view with { Notice = notice }, culture, cancellationToken).ConfigureAwait(false));
        }
#pragma warning disable CA1031 // iTop refused the write (e.g. the ticket moved meanwhile): show the card with a notice, not a failed invoke.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested
                                   && DeskFailures.KindOf(ex, cancellationToken) != Tickets.Failures.DeskFailureKind.CredentialsRefused) // told by CardActionRouter
#pragma warning restore CA1031
        {
            Log.DeskFailed(logger, input.Verb, ex);
            var notice = BotText.Get("Error_ActionFailed", culture);
            return CardActionResult.Show(await cards.BuildAsync(view with { Notice = notice }, culture, cancellationToken).ConfigureAwait(false));
        }

        if (outcome.Ticket is not { } updated)
        {
            var invalid = view with { OpenForm = action, Errors = outcome.Errors, PickedTeamId = input.GetInt(CardInputIds.AssignTeam) };
            return CardActionResult.Show(await cards.BuildAsync(invalid, culture, cancellationToken).ConfigureAwait(false));
        }

        var done = view with { Ticket = updated, Notice = CardText.Notice(CardNotice.Done, culture) };
        var shared = new TicketCardRequest(updated, null) { RefreshUserIds = view.RefreshUserIds };
        return CardActionResult.Show(await cards.BuildAsync(done, culture, cancellationToken).ConfigureAwait(false)) with
        {
            SharedCard = await cards.BuildAsync(shared, culture, cancellationToken).ConfigureAwait(false),
        };
    }
}
