namespace ChatOpsBot.Cards.ViewModels;

/// <summary>The buttons a ticket card may show; the caller lists those allowed for this user and state.</summary>
public enum TicketAction
{
    Assign,
    Pending,
    Reassign,
    Resolve,
    Reopen,
    Close,
    Comment,
    HandToApprover,
    Refresh,
}
