using ChatOpsBot.Tickets.Failures;

namespace ChatOpsBot.Bot.Recovery;

/// <summary>
/// Who carries out a piece of work the bot started (a ticket's creation, its approval request, an approver's decision):
/// an instance while it works on it (<see cref="Owner"/>), nobody once it gave up until <see cref="RetryAt"/>. Kept in the
/// record of that work, so that a restart sees what was left half done.
/// </summary>
public sealed record WorkClaim
{
    /// <summary>The instance working on it (<see cref="InstanceHeartbeat.InstanceId"/>); null when released.</summary>
    public string? Owner { get; init; }

    public required DateTimeOffset Since { get; init; }

    /// <summary>When released after a failure: when the background may try again.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    public int Attempts { get; init; }

    /// <summary>Why the last attempt failed (what the person is told).</summary>
    public DeskFailureKind? LastFailure { get; init; }
}
