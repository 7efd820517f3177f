using System.Globalization;
using ChatOpsBot.Bot.Drafts;
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
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Actions;

/// <summary>
/// The ticket card's buttons: one read of the ticket in iTop (the one the clicker's rights, the card's stamp and the inputs
/// are checked on, under the ticket's write lock) and at most one write (<see cref="TicketClick"/>). The card's data only
/// says which ticket and which version the clicker was looking at.
/// </summary>
public sealed class TicketActionHandler(
    ITicketDesk desk,
    DeskDirectory directory,
    TicketCardFactory cards,
    TicketViewers viewers,
    TicketOpenerStore openers,
    TypingIndicator typing,
    ILogger<TicketActionHandler> logger) : ICardActionHandler
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

        var key = TicketKey.FromId(ticketId);
        var opened = await openers.FollowsAsync(ticketId, user.Roles, user.Person.Id, cancellationToken).ConfigureAwait(false);
        var click = new TicketClick(action, input, user, opened, directory, culture);
        TicketWriteResult result;
        try
        {
            result = await typing.WhileAsync(turn, ct => click.Writes ? desk.WriteAsync(key, user.Actor, click.PlanAsync, ct) : ShowAsync(key, click, ct), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (DeskFailures.IsUnavailable(ex, cancellationToken))
        {
            Log.DeskUnavailable(logger, input.Verb, ex);
            return await FailedAsync(click, user, CardText.Notice(CardNotice.ItopUnavailable, culture), BotText.Get("Error_ItopUnavailable", culture), culture, cancellationToken)
                .ConfigureAwait(false);
        }
#pragma warning disable CA1031 // iTop refused the write (e.g. the ticket moved meanwhile): show the card with a notice, not a failed invoke.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested
                                   && DeskFailures.KindOf(ex, cancellationToken) != Tickets.Failures.DeskFailureKind.CredentialsRefused) // told by CardActionRouter
#pragma warning restore CA1031
        {
            Log.DeskFailed(logger, input.Verb, ex);
            var failed = BotText.Get("Error_ActionFailed", culture);
            return await FailedAsync(click, user, failed, failed, culture, cancellationToken).ConfigureAwait(false);
        }

        if (result.Read is not { } ticket)
        {
            return CardActionResult.Text(BotText.Format("Error_TicketNotFound", culture, ticketId.ToString(CultureInfo.InvariantCulture)));
        }

        if (click.Refusal is { } refusal)
        {
            Log.ActionRefused(logger, input.Verb, refusal);
        }

        if (!click.Visible)
        {
            return CardActionResult.Text(BotText.Get("Error_TicketNotVisible", culture));
        }

        var view = await ViewAsync(ticket, user, cancellationToken).ConfigureAwait(false) with { ViewerOpened = opened };
        if (result.Written is not { } updated)
        {
            var shown = view with { Notice = click.Notice, OpenForm = click.OpenForm, Errors = click.Errors, PickedTeamId = input.GetInt(CardInputIds.AssignTeam) };
            return CardActionResult.Show(await cards.BuildAsync(shown, culture, cancellationToken).ConfigureAwait(false));
        }

        var done = view with { Ticket = updated, Notice = CardText.Notice(CardNotice.Done, culture) };
        var shared = new TicketCardRequest(updated, null) { RefreshUserIds = view.RefreshUserIds };
        return CardActionResult.Show(await cards.BuildAsync(done, culture, cancellationToken).ConfigureAwait(false)) with
        {
            SharedCard = await cards.BuildAsync(shared, culture, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>Refresh and the assign form's team pick: the same checks on one read, nothing to write.</summary>
    private async Task<TicketWriteResult> ShowAsync(TicketKey key, TicketClick click, CancellationToken cancellationToken)
    {
        if (await desk.GetTicketAsync(key, cancellationToken).ConfigureAwait(false) is not { } ticket)
        {
            return new TicketWriteResult(null, null);
        }

        await click.PlanAsync(ticket, cancellationToken).ConfigureAwait(false);
        return new TicketWriteResult(ticket, null);
    }

    /// <summary>The clicker is one of the ticket's viewers from now on: their client refreshes the card when it changes.</summary>
    private async Task<TicketCardRequest> ViewAsync(Ticket ticket, BotUser user, CancellationToken cancellationToken) =>
        new(ticket, user) { RefreshUserIds = await viewers.AddAsync(ticket.Id, user.TeamsUserId, cancellationToken).ConfigureAwait(false) };

    /// <summary>The ticket's card with the failure's notice when it was read; the text alone when even the read failed.</summary>
    private async Task<CardActionResult> FailedAsync(TicketClick click, BotUser user, string notice, string text, CultureInfo culture, CancellationToken cancellationToken)
    {
        if (click.Read is not { } ticket || !click.Visible)
        {
            return CardActionResult.Text(text);
        }

        var view = await ViewAsync(ticket, user, cancellationToken).ConfigureAwait(false);
        return CardActionResult.Show(await cards.BuildAsync(view with { Notice = notice, ViewerOpened = click.Opened }, culture, cancellationToken).ConfigureAwait(false));
    }
}
