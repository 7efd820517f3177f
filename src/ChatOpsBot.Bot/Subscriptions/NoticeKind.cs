namespace ChatOpsBot.Bot.Subscriptions;

/// <summary>The kinds of personal notice a person can mute (<c>/ticket notifications</c>).</summary>
public enum NoticeKind
{
    /// <summary>A ticket is assigned to me (by someone else).</summary>
    AssignedToMe,

    /// <summary>A ticket comes back to me (reopened).</summary>
    BackToMe,

    /// <summary>A ticket I opened is assigned (or reassigned).</summary>
    MineAssigned,

    /// <summary>A ticket I opened is put on hold (with the question asked).</summary>
    MinePending,

    /// <summary>A ticket I opened is resolved (with the solution, Close and Reopen).</summary>
    MineResolved,

    /// <summary>A ticket I opened is reopened.</summary>
    MineReopened,

    /// <summary>A ticket I opened is closed.</summary>
    MineClosed,
}
