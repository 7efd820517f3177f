namespace ChatOpsBot.Bot.Approvals;

/// <summary>Where an approval request stands; each step is done iTop first, then recorded here.</summary>
public enum ApprovalPhase
{
    /// <summary>iTop waits for approval and the approvers' cards are out.</summary>
    Open,

    /// <summary>The request is to be made: the stimulus ev_wait_for_approval is not confirmed by iTop yet.</summary>
    Requesting,

    /// <summary>iTop waits for approval; the approvers' and the channel's cards are still to be posted.</summary>
    Delivering,
}
