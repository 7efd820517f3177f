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

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 10;
}
