namespace ChatOpsBot.Tickets;

/// <summary>The states of iTop's UserRequest (LIFECYCLE.md §1); the wire code is given by <see cref="TicketStatusCodes"/>.</summary>
public enum TicketStatus
{
    New,
    WaitingForApproval,
    Approved,
    Rejected,
    Assigned,
    Pending,
    EscalatedTto,
    EscalatedTtr,
    Resolved,
    Closed,
}
