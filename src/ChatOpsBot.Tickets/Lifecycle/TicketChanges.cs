namespace ChatOpsBot.Tickets.Lifecycle;

/// <summary>The attributes a move writes together with its stimulus (null = unchanged). Texts are plain text.</summary>
public sealed record TicketChanges
{
    public int? TeamId { get; init; }

    public int? AgentId { get; init; }

    public int? ApproverId { get; init; }

    public string? PendingReason { get; init; }

    public string? Solution { get; init; }

    public string? ResolutionCode { get; init; }

    public int? ServiceId { get; init; }

    public int? SubServiceId { get; init; }

    /// <summary>A public case-log entry written with the move (e.g. the reason of a rejection).</summary>
    public string? PublicLogText { get; init; }

    /// <summary>A private case-log entry written with the change (e.g. the note of a hand-over).</summary>
    public string? PrivateLogText { get; init; }
}
