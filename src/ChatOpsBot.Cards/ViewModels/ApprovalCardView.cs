namespace ChatOpsBot.Cards.ViewModels;

public enum ApprovalCardView
{
    /// <summary>The approver: approve / reject buttons.</summary>
    Approver,

    /// <summary>Anyone else while the decision is pending: status only.</summary>
    Observer,

    /// <summary>After the decision: who decided, when, and the comment.</summary>
    Decided,
}
