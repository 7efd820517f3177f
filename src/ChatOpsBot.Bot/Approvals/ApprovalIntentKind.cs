namespace ChatOpsBot.Bot.Approvals;

/// <summary>What an approver clicked.</summary>
public enum ApprovalIntentKind
{
    Approve,
    Reject,
    HandOff,
}
