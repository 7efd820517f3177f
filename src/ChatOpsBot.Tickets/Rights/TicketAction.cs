namespace ChatOpsBot.Tickets.Rights;

/// <summary>What a person may do on a ticket (<see cref="TicketRights"/>); a card shows one button for each it allows.</summary>
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
