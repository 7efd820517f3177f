using System.Globalization;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Rights;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>
/// The ticket a ticket-card button of the approvals is about, read once with its brique, or the answer when the card is
/// not a ticket card (the ticket card carries no scope) or the clicker may not see the ticket.
/// </summary>
internal static class VisibleTicket
{
    public static async Task<(Ticket? Ticket, string? Brique, CardActionResult? Refusal)> ReadAsync(
        ITicketDesk desk, DeskDirectory directory, CardActionInput input, BotUser user, CultureInfo culture, CancellationToken cancellationToken)
    {
        if (input.TicketId is not { } ticketId || input.Data.Scope is not null)
        {
            return (null, null, CardActionResult.Text(BotText.Get("Error_BadCard", culture)));
        }

        var ticket = await desk.GetTicketAsync(TicketKey.FromId(ticketId), cancellationToken).ConfigureAwait(false);
        if (ticket is null)
        {
            return (null, null, CardActionResult.Text(BotText.Format("Error_TicketNotFound", culture, ticketId)));
        }

        var brique = DeskDirectory.BriqueOf(await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false), ticket.ServiceId);
        return TicketRights.CanView(user.Roles, user.Person.Id, ticket, brique)
            ? (ticket, brique, null)
            : (null, null, CardActionResult.Text(BotText.Get("Error_TicketNotVisible", culture)));
    }
}
