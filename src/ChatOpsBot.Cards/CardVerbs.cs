namespace ChatOpsBot.Cards;

/// <summary>The verbs carried by card actions; cards and their handlers use these same constants.</summary>
public static class CardVerbs
{
    /// <summary>New-ticket form: create the ticket.</summary>
    public const string OpenTicket = "openTicket";

    /// <summary>New-ticket form: re-render after the brique or service changed, keeping the typed values.</summary>
    public const string RefreshForm = "refreshForm";

    /// <summary>New-ticket form: drop the draft.</summary>
    public const string CancelForm = "cancelForm";

    /// <summary>Finish a creation that failed while iTop was unreachable (carries the draft id).</summary>
    public const string RetryCreate = "retryCreate";

    public const string Assign = "assign";

    /// <summary>Assign sub-form: re-render with the agents of the chosen team.</summary>
    public const string AssignPickTeam = "assignPickTeam";

    public const string Pending = "pending";

    /// <summary>Ticket card, on hold: back to the same team and agent in one click.</summary>
    public const string Resume = "resume";

    /// <summary>Ticket card: an intervenant of the ticket's team takes it (one click).</summary>
    public const string TakeIt = "takeIt";

    public const string Reassign = "reassign";

    public const string Resolve = "resolve";

    public const string Reopen = "reopen";

    public const string Close = "close";

    public const string Comment = "comment";

    /// <summary>Re-render the card from iTop (button and automatic refresh).</summary>
    public const string Refresh = "refresh";

    /// <summary>Ticket list: show one ticket's card.</summary>
    public const string ShowTicket = "showTicket";

    /// <summary>Ticket list: another page.</summary>
    public const string ListPage = "listPage";

    public const string Approve = "approve";

    public const string Reject = "reject";

    /// <summary>Ticket card: send the request for approval.</summary>
    public const string HandToApprover = "handToApprover";

    /// <summary>Ticket card: the group desk takes up a request for approval that waits on nobody; answered with the approval card.</summary>
    public const string DecideApproval = "decideApproval";

    /// <summary>Approval card: an approver hands the request over to another approver of the school.</summary>
    public const string HandOffApproval = "handOffApproval";

    /// <summary>Duplicate hint: create the draft's ticket although open tickets look like it.</summary>
    public const string CreateAnyway = "createAnyway";

    /// <summary>Duplicate hint: back to the draft's form, as it was.</summary>
    public const string BackToForm = "backToForm";

    /// <summary>Notice preferences card (<c>/ticket notifications</c>): save the toggles.</summary>
    public const string SaveNotices = "saveNotices";

    public static IReadOnlyList<string> All { get; } =
    [
        OpenTicket, RefreshForm, CancelForm, RetryCreate, Assign, AssignPickTeam, Pending, Reassign, Resolve,
        Reopen, Close, Comment, Refresh, ShowTicket, ListPage, Approve, Reject, HandToApprover, HandOffApproval,
        CreateAnyway, BackToForm, SaveNotices, Resume, TakeIt, DecideApproval,
    ];
}
