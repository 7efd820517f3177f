using System.Globalization;
using ChatOpsBot.Bot.Actions;
using ChatOpsBot.Bot.Commands;
using ChatOpsBot.Bot.Dialogs;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Rendering;
using ChatOpsBot.Cards;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Protocol;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Conversation;

/// <summary>Sends a card action to the dialog or handler that owns its verb.</summary>
public sealed class CardActionRouter(
    UserGate gate,
    OpenTicketDialog openTicket,
    TicketActionHandler ticketActions,
    TicketListBuilder lists,
    TicketPresenter presenter,
    Approvals.ApprovalActionHandler approvals,
    Approvals.SendForApprovalHandler sendForApproval,
    DeskFailureReplies failures,
    ILogger<CardActionRouter> logger)
{
    /// <summary>
    /// The handler's answer; when the ticket store failed and the handler did not say so itself (e.g. iTop refusing the
    /// bot's account on a read), a message saying what happened, the clicked card staying as it was.
    /// </summary>
    public async Task<CardActionResult> RouteAsync(TurnContext turn, CardActionInput input, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return await DispatchAsync(turn, input, culture, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (DeskFailures.KindOf(ex, cancellationToken) is { } kind)
        {
            DeskFailures.Log(logger, input.Verb, ex, cancellationToken);
            return CardActionResult.Text(failures.Text(kind, culture));
        }
    }

    private async Task<CardActionResult> DispatchAsync(TurnContext turn, CardActionInput input, CultureInfo culture, CancellationToken cancellationToken)
    {
        if (InputLimits.Refusal(input, culture) is { } tooLong)
        {
            return CardActionResult.Text(tooLong);
        }

        var (user, refusal) = await gate.IdentifyAsync(turn, culture, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return CardActionResult.Text(refusal!);
        }

        if (Approvals.ApprovalActionHandler.Handles(input))
        {
            return await approvals.HandleAsync(turn, input, user, culture, cancellationToken).ConfigureAwait(false);
        }

        if (Approvals.SendForApprovalHandler.Handles(input))
        {
            return await sendForApproval.HandleAsync(turn, input, user, culture, cancellationToken).ConfigureAwait(false);
        }

        switch (input.Verb)
        {
            case CardVerbs.OpenTicket or CardVerbs.RefreshForm or CardVerbs.CancelForm or CardVerbs.RetryCreate or CardVerbs.CreateAnyway or CardVerbs.BackToForm:
                return await openTicket.HandleAsync(turn, input, user, culture, cancellationToken).ConfigureAwait(false);
            case CardVerbs.ListPage:
            {
                var scope = input.Data.Scope == CardActionData.TeamScope ? TicketListScope.Team : TicketListScope.Mine;
                return CardActionResult.Show(await lists.BuildAsync(user, scope, input.Data.Page ?? 1, culture, cancellationToken).ConfigureAwait(false));
            }

            case CardVerbs.ShowTicket when input.TicketId is { } ticketId:
            {
                var result = await presenter.ShowAsync(turn, Tickets.TicketKey.FromId(ticketId), user, culture, cancellationToken).ConfigureAwait(false);
                if (result.Card is { } card)
                {
                    // The list stays; the ticket comes as its own message.
                    await turn.SendAsync(CardMessage.Of(card), cancellationToken).ConfigureAwait(false);
                    return CardActionResult.Text(BotText.Get("List_TicketPosted", culture));
                }

                return result;
            }

            default:
                return TicketVerbs.ActionOf(input.Verb) is not null
                    ? await ticketActions.HandleAsync(turn, input, user, culture, cancellationToken).ConfigureAwait(false)
                    : CardActionResult.Text(BotText.Get("Error_BadCard", culture));
        }
    }
}
