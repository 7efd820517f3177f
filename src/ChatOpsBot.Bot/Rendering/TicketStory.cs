using System.Globalization;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Bot.Rendering;

/// <summary>
/// Where a ticket stands and who acts next, since when, in one line of the viewer's language: « En attente de Hélène
/// Dechelette depuis 2 jours », « En attente du demandeur depuis 3 jours » (iTop's last_pending_date), « Résolu depuis
/// 1 heure, en attente de clôture par l'établissement ». iTop keeps no date of the approval request: the wait for an
/// approver counts from the ticket's last update.
/// </summary>
public static class TicketStory
{
    public static string? Of(Ticket ticket, DateTimeOffset now, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        string Since(DateTimeOffset? date)
        {
            var from = date ?? ticket.LastUpdate ?? now;
            return Duration(from > now ? TimeSpan.Zero : now - from, culture);
        }

        return ticket.Status switch
        {
            TicketStatus.New or TicketStatus.EscalatedTto => CardText.Format("Story_New", culture, Since(ticket.StartDate)),
            TicketStatus.WaitingForApproval => string.IsNullOrWhiteSpace(ticket.ApproverName)
                ? CardText.Format("Story_WaitingForApproval_Nobody", culture, Since(ticket.LastUpdate))
                : CardText.Format("Story_WaitingForApproval", culture, Since(ticket.LastUpdate), ticket.ApproverName),
            TicketStatus.Approved => CardText.Format("Story_Approved", culture, Since(ticket.LastUpdate)),
            TicketStatus.Assigned or TicketStatus.EscalatedTtr => string.IsNullOrWhiteSpace(ticket.AgentName)
                ? CardText.Format("Story_AssignedTeam", culture, Since(ticket.AssignmentDate), ticket.TeamName)
                : CardText.Format("Story_Assigned", culture, Since(ticket.AssignmentDate), ticket.AgentName, ticket.TeamName),
            TicketStatus.Pending => CardText.Format("Story_Pending", culture, Since(ticket.LastPendingDate)),
            TicketStatus.Resolved => CardText.Format("Story_Resolved", culture, Since(ticket.ResolutionDate)),
            TicketStatus.Closed when ticket.CloseDate is { } closed => CardText.Format("Story_Closed", culture, CardFormat.Date(closed, culture)),
            _ => null,
        };
    }

    /// <summary>Days from one day on, else hours from one hour on, else minutes (at least one).</summary>
    public static string Duration(TimeSpan elapsed, CultureInfo culture) =>
        elapsed.TotalDays >= 1 ? CardText.Plural("Duration_Days", culture, (long)elapsed.TotalDays)
        : elapsed.TotalHours >= 1 ? CardText.Plural("Duration_Hours", culture, (long)elapsed.TotalHours)
        : CardText.Plural("Duration_Minutes", culture, Math.Max(1, (long)elapsed.TotalMinutes));
}
