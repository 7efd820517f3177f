namespace ChatOpsBot.Tickets.Lifecycle;

/// <summary>iTop codes of the stimuli (<c>ev_assign</c>…).</summary>
public static class TicketStimulusCodes
{
    /// <summary>The iTop code of a stimulus.</summary>
    public static string ToCode(this TicketStimulus stimulus) => stimulus switch
    {
        TicketStimulus.Assign => "ev_assign",
        TicketStimulus.Reassign => "ev_reassign",
        TicketStimulus.Pending => "ev_pending",
        TicketStimulus.Resolve => "ev_resolve",
        TicketStimulus.Close => "ev_close",
        TicketStimulus.Reopen => "ev_reopen",
        TicketStimulus.WaitForApproval => "ev_wait_for_approval",
        TicketStimulus.Approve => "ev_approve",
        TicketStimulus.Reject => "ev_reject",
        TicketStimulus.Timeout => "ev_timeout",
        TicketStimulus.AutoResolve => "ev_autoresolve",
        _ => throw new ArgumentOutOfRangeException(nameof(stimulus), stimulus, null),
    };

    /// <summary>True for the stimuli iTop fires itself (the bot never applies them).</summary>
    public static bool IsInternal(this TicketStimulus stimulus) =>
        stimulus is TicketStimulus.Timeout or TicketStimulus.AutoResolve;
}
