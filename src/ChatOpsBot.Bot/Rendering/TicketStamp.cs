using System.Globalization;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Bot.Rendering;

/// <summary>
/// The version of a ticket a card was rendered from. iTop's last_update has a one-second resolution, so the
/// status, assignee, log sizes and resolution date are part of it too.
/// </summary>
public static class TicketStamp
{
    public static string Of(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{ticket.LastUpdate?.ToUnixTimeSeconds() ?? 0}-{ticket.Status.ToCode()}-{ticket.TeamId ?? 0}-{ticket.AgentId ?? 0}-{ticket.PublicLog.Count}-{ticket.PrivateLog.Count}-{ticket.ResolutionDate?.ToUnixTimeSeconds() ?? 0}");
    }

    /// <summary>
    /// The card still shows the decision the click is about: the same status, team, agent and resolution, whatever was
    /// said in the logs since. Closing or reopening a resolved ticket does not depend on a comment written after the
    /// card (a resolved notice is often followed by the agent's word), but a new resolution is a new decision.
    /// </summary>
    public static bool SameDecision(string? stamp, Ticket ticket)
    {
        var seen = stamp?.Split('-');
        var now = Of(ticket).Split('-');
        return seen is { Length: 7 } && seen[1] == now[1] && seen[2] == now[2] && seen[3] == now[3] && seen[6] == now[6];
    }
}
