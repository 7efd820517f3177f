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

    /// <summary>Back from a hold to the same team and agent (iTop's ev_assign from pending, fields unchanged).</summary>
    Resume,

    /// <summary>An intervenant of the ticket's team takes it (ev_reassign to themselves).</summary>
    TakeIt,

    /// <summary>The group desk decides a request for approval that waits on nobody (no approver in iTop).</summary>
    DecideApproval,
}
