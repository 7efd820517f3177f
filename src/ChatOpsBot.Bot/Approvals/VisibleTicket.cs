using System.Globalization;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Rights;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>The ticket a ticket-card button of the approvals is about, read once with its brique, or the answer when the clicker may not see it.</summary>
internal static class VisibleTicket
{
    public static async Task<(Ticket? Ticket, string? Brique, CardActionResult? Refusal)> ReadAsync(
        ITicketDesk desk, DeskDirectory directory, int ticketId, BotUser user, CultureInfo culture, CancellationToken cancellationToken)
    {
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
