using System.Globalization;
using ChatOpsBot.Bot.Actions;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Viewing;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Protocol;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Bot.Actions;

/// <summary>A ticket of the list clicked: its card comes as its own message, the list stays.</summary>
public sealed class ShowTicketHandler(TicketPresenter presenter) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardActionInput input, BotUser user, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(input);
        if (input.TicketId is not { } ticketId)
        {
            return CardActionResult.Text(BotText.Get("Error_BadCard", culture));
        }

        var result = await presenter.ShowAsync(turn, TicketKey.FromId(ticketId), user, culture, cancellationToken).ConfigureAwait(false);
        if (result.Card is { } card)
        {
            await turn.SendAsync(CardMessage.Of(card), cancellationToken).ConfigureAwait(false);
            return CardActionResult.Text(BotText.Get("List_TicketPosted", culture));
        }

        return result;
    }
}
