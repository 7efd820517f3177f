namespace ChatOpsBot.Cards.ViewModels;

public enum ApprovalDecision
{
    Approved,
    Rejected,
}
