using ChatOpsBot.Bot.Digest;
using ChatOpsBot.Bot.Rendering;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Notifications;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Notifications.Digest;

/// <summary>Turns the open tickets of one digest (one iTop read) into its card model; null when there is nothing to say.</summary>
public static class DigestBuilder
{
    public const int RowsPerSection = 5;

    public static DigestCardModel? Build(TicketPage open, string scope, DateOnly day, DateTimeOffset now, int pendingDays)
    {
        ArgumentNullException.ThrowIfNull(open);
        var tickets = open.Items.Where(t => t.Status is not (TicketStatus.Closed or TicketStatus.Rejected)).ToList();
        if (tickets.Count == 0)
        {
            return null;
        }

        return new DigestCardModel
        {
            Scope = scope,
            Day = day,
            OpenCount = Math.Max(open.Total, tickets.Count),
            Truncated = open.Total > tickets.Count,
            ByState = tickets.GroupBy(t => t.Status).OrderBy(g => g.Key)
                .Select(g => new DigestStateCount(CardStatus.Of(g.Key), g.Count())).ToList(),
            OldestUnassigned = tickets
                .Where(t => t.AgentId is null && t.Status is not (TicketStatus.Resolved or TicketStatus.WaitingForApproval))
                .OrderBy(t => t.StartDate).ThenBy(t => t.Id).Take(RowsPerSection).Select(TicketRows.Of).ToList(),
            PendingDays = pendingDays,
            LongPending = tickets
                .Where(t => t.Status == TicketStatus.Pending && t.LastPendingDate is { } since && (now - since).TotalDays > pendingDays)
                .OrderBy(t => t.LastPendingDate).Take(RowsPerSection)
                .Select(t => new DigestPendingRow(TicketRows.Of(t), (int)(now - t.LastPendingDate!.Value).TotalDays)).ToList(),
            AwaitingClose = tickets.Where(t => t.Status == TicketStatus.Resolved)
                .OrderBy(t => t.ResolutionDate).ThenBy(t => t.Id).Take(RowsPerSection).Select(TicketRows.Of).ToList(),
        };
    }
}
