using System.Globalization;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Bot.Rendering;

/// <summary>A ticket as one row of a list card (lists, digest, duplicate hint).</summary>
public static class TicketRows
{
    public static TicketListRow Of(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new TicketListRow(
            ticket.Id.ToString(CultureInfo.InvariantCulture),
            ticket.Ref,
            ticket.Title,
            CardStatus.Of(ticket.Status),
            string.IsNullOrWhiteSpace(ticket.AgentName) ? null : ticket.AgentName);
    }
}
