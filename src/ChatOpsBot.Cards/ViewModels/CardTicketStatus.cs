namespace ChatOpsBot.Cards.ViewModels;

/// <summary>The iTop UserRequest statuses, as the cards label and colour them.</summary>
public enum CardTicketStatus
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
