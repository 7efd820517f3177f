namespace ChatOpsBot.Tickets;

/// <summary>A ticket search; every criterion given narrows the result (AND). Page is 1-based.</summary>
public sealed record TicketQuery
{
    /// <summary>Tickets whose requester is this person.</summary>
    public int? RequesterId { get; init; }

    /// <summary>Tickets assigned to this person.</summary>
    public int? AgentId { get; init; }

    /// <summary>Tickets in the queue of one of these teams.</summary>
    public IReadOnlyList<int>? TeamIds { get; init; }

    public int? OrgId { get; init; }

    public IReadOnlyList<TicketStatus>? Statuses { get; init; }

    /// <summary>The ticket with this reference (e.g. "R-000012").</summary>
    public string? Ref { get; init; }

    /// <summary>Tickets whose service is one of these.</summary>
    public IReadOnlyList<int>? ServiceIds { get; init; }

    /// <summary>Tickets requested by or assigned to this person.</summary>
    public int? InvolvedPersonId { get; init; }

    /// <summary>Each word must appear in the title or in the requester's name (case and accents ignored, as iTop does).</summary>
    public IReadOnlyList<string>? Words { get; init; }

    /// <summary>Only the tickets this person may see; null = every ticket.</summary>
    public TicketVisibility? VisibleTo { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 10;
}
