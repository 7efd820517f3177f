using System.Globalization;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Bot.Notifications;

/// <summary>Derives events from the ticket as last seen (<c>null</c>: never seen) and as iTop has it now.</summary>
public static class TicketEventClassifier
{
    /// <param name="before">The ticket when last seen; null when never seen.</param>
    /// <param name="after">The ticket now.</param>
    /// <param name="createdAfter">
    /// For a ticket never seen: created after this instant it is new; created before (the bot was not watching),
    /// only its current state is announced.
    /// </param>
    public static IReadOnlyList<TicketEvent> Classify(Ticket? before, Ticket after, DateTimeOffset? createdAfter = null)
    {
        ArgumentNullException.ThrowIfNull(after);
        var stamp = (after.LastUpdate ?? after.StartDate ?? DateTimeOffset.MinValue).UtcTicks.ToString(CultureInfo.InvariantCulture);
        var events = new List<TicketEvent>();
        void Add(TicketEventKind kind, TicketLogEntry? entry = null) =>
            events.Add(new TicketEvent(kind, after, stamp + ":" + kind + (entry is null ? "" : ":" + entry.Date.UtcTicks.ToString(CultureInfo.InvariantCulture)), entry));

        if (before is null && createdAfter is { } since && after.StartDate is { } start && start <= since)
        {
            if (StateEvent(after.Status) is { } current)
            {
                Add(current);
            }

            return events;
        }

        if (before is null)
        {
            Add(TicketEventKind.Created);
            if (after.AgentId is not null && after.Status is TicketStatus.Assigned)
            {
                Add(TicketEventKind.Assigned);
            }

            return events;
        }

        if (before.Status != after.Status)
        {
            switch (after.Status)
            {
                case TicketStatus.Assigned when before.Status is TicketStatus.Resolved or TicketStatus.Rejected:
                    Add(TicketEventKind.Reopened);
                    break;
                case TicketStatus.Assigned when before.Status is TicketStatus.EscalatedTtr && before.AgentId == after.AgentId:
                    break;
                case TicketStatus.Assigned:
                    Add(TicketEventKind.Assigned);
                    break;
                case TicketStatus.Pending:
                    Add(TicketEventKind.Pending);
                    break;
                case TicketStatus.Resolved:
                    Add(TicketEventKind.Resolved);
                    break;
                case TicketStatus.Closed:
                    Add(TicketEventKind.Closed);
                    break;
                case TicketStatus.WaitingForApproval:
                    Add(TicketEventKind.ApprovalRequested);
                    break;
                case TicketStatus.Approved:
                    Add(TicketEventKind.Approved);
                    break;
                case TicketStatus.Rejected:
                    Add(TicketEventKind.Rejected);
                    break;
                case TicketStatus.New when before.Status is TicketStatus.Rejected:
                    Add(TicketEventKind.Reopened);
                    break;
            }
        }
        else if (after.AgentId is not null && before.AgentId != after.AgentId)
        {
            Add(TicketEventKind.Reassigned);
        }

        var seen = before.PublicLog.Select(e => (e.Date, e.Text)).ToHashSet();
        foreach (var entry in after.PublicLog.Where(e => !seen.Contains((e.Date, e.Text))).OrderBy(e => e.Date))
        {
            Add(TicketEventKind.PublicLogEntry, entry);
        }

        return events;
    }

    private static TicketEventKind? StateEvent(TicketStatus status) => status switch
    {
        TicketStatus.Assigned => TicketEventKind.Assigned,
        TicketStatus.Pending => TicketEventKind.Pending,
        TicketStatus.Resolved => TicketEventKind.Resolved,
        TicketStatus.Closed => TicketEventKind.Closed,
        TicketStatus.WaitingForApproval => TicketEventKind.ApprovalRequested,
        TicketStatus.Approved => TicketEventKind.Approved,
        TicketStatus.Rejected => TicketEventKind.Rejected,
        _ => null,
    };
}
