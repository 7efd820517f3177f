namespace ChatOpsBot.Tickets.Lifecycle;

/// <summary>The stimuli of iTop's UserRequest (LIFECYCLE.md §2); codes in <see cref="TicketStimulusCodes"/>.</summary>
public enum TicketStimulus
{
    Assign,
    Reassign,
    Pending,
    Resolve,
    Close,
    Reopen,
    WaitForApproval,
    Approve,
    Reject,

    /// <summary>Internal: fired by iTop's stopwatches, never by the bot.</summary>
    Timeout,

    /// <summary>Internal: fired when a parent request is resolved, never by the bot.</summary>
    AutoResolve,
}
