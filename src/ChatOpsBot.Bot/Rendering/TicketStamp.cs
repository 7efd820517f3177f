using System.Globalization;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Bot.Rendering;

/// <summary>
/// The version of a ticket a card was rendered from. iTop's last_update has a one-second resolution, so the
/// status, assignee and log sizes are part of it too.
/// </summary>
public static class TicketStamp
{
    public static string Of(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{ticket.LastUpdate?.ToUnixTimeSeconds() ?? 0}-{ticket.Status.ToCode()}-{ticket.TeamId ?? 0}-{ticket.AgentId ?? 0}-{ticket.PublicLog.Count}-{ticket.PrivateLog.Count}");
    }
}
