namespace ChatOpsBot.Bot.Approvals;

/// <summary>An approver's click, kept until iTop holds its result: a decision (approve, reject) or a hand-over.</summary>
public sealed record ApprovalIntent
{
    public required ApprovalIntentKind Kind { get; init; }

    /// <summary>The approver who clicked (iTop person id and name): the write names them.</summary>
    public required int ById { get; init; }

    public required string By { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The decision's comment (required for a rejection), or the hand-over's message.</summary>
    public string? Comment { get; init; }

    /// <summary>A hand-over's new approver.</summary>
    public int? TargetId { get; init; }

    public string? TargetName { get; init; }
}
