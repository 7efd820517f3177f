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

namespace ChatOpsBot.Bot.Conversation;

/// <summary>Sends a card action to the dialog or handler that owns its verb.</summary>
public sealed class CardActionRouter(
    UserGate gate,
    OpenTicketDialog openTicket,
    TicketActionHandler ticketActions,
    TicketListBuilder lists,
    TicketPresenter presenter,
    Approvals.ApprovalActionHandler approvals,
    Approvals.SendForApprovalHandler sendForApproval)
{
    public async Task<CardActionResult> RouteAsync(TurnContext turn, CardActionInput input, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(input);
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
            case CardVerbs.OpenTicket or CardVerbs.RefreshForm or CardVerbs.CancelForm or CardVerbs.RetryCreate:
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
