using ChatOpsBot.Bot.Subscriptions;

namespace ChatOpsBot.Notifications;

/// <summary>What happened to a ticket between two polls of the change feed.</summary>
public enum TicketEventKind
{
    Created,
    Assigned,
    Reassigned,
    Pending,
    Resolved,
    Reopened,
    Closed,
    ApprovalRequested,
    Approved,
    Rejected,
    PublicLogEntry,
}
