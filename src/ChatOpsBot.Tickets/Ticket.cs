namespace ChatOpsBot.Tickets;

/// <summary>
/// A ticket, mirroring iTop's UserRequest. Immutable: the lifecycle methods (Ticket.Lifecycle.cs) validate a move
/// and return a <see cref="Lifecycle.TicketTransition"/> that the desk sends to iTop; iTop's answer is the new ticket.
/// Ids are null where iTop says 0 (no value). Dates are absolute instants.
/// </summary>
public sealed partial record Ticket
{
    public required int Id { get; init; }

    public required string Ref { get; init; }

    public required string Title { get; init; }

    /// <summary>The description, plain text (the iTop adapter turns iTop's HTML into text, without the parts below).</summary>
    public string Description { get; init; } = "";

    /// <summary>The school's own reference for the request, if the opener gave one.</summary>
    public string? SchoolReference { get; init; }

    /// <summary>The user's words as the school's support copied them from the school's own ticket, plain text.</summary>
    public string? UserWords { get; init; }

    public required TicketStatus Status { get; init; }

    public required int OrgId { get; init; }

    public string OrgName { get; init; } = "";

    /// <summary>The requester (iTop's caller_id).</summary>
    public int? CallerId { get; init; }

    /// <summary>"First Last" of the requester.</summary>
    public string CallerName { get; init; } = "";

    public int? TeamId { get; init; }

    public string TeamName { get; init; } = "";

    public int? AgentId { get; init; }

    /// <summary>"First Last" of the agent.</summary>
    public string AgentName { get; init; } = "";

    public int? ApproverId { get; init; }

    /// <summary>"First Last" of the approver (iTop's <c>approver_id_friendlyname</c>).</summary>
    public string ApproverName { get; init; } = string.Empty;

    /// <summary>The service (brique › <b>service</b>); the brique comes from the catalog.</summary>
    public int? ServiceId { get; init; }

    public string ServiceName { get; init; } = "";

    /// <summary>The sub-service (iTop's servicesubcategory_id).</summary>
    public int? SubServiceId { get; init; }

    public string SubServiceName { get; init; } = "";

    public string RequestType { get; init; } = "service_request";

    /// <summary>1 department, 2 group, 3 person.</summary>
    public int Impact { get; init; } = 1;

    /// <summary>1 critical … 4 low.</summary>
    public int Urgency { get; init; } = 4;

    /// <summary>Computed by iTop from impact × urgency.</summary>
    public int Priority { get; init; } = 4;

    public string Origin { get; init; } = "";

    /// <summary>Why the ticket is on hold (the question to the requester), plain text.</summary>
    public string PendingReason { get; init; } = "";

    /// <summary>The solution, plain text.</summary>
    public string Solution { get; init; } = "";

    public string ResolutionCode { get; init; } = "";

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? LastUpdate { get; init; }

    public DateTimeOffset? AssignmentDate { get; init; }

    public DateTimeOffset? ResolutionDate { get; init; }

    /// <summary>Set by iTop on each ev_pending (LIFECYCLE.md §3).</summary>
    public DateTimeOffset? LastPendingDate { get; init; }

    public DateTimeOffset? CloseDate { get; init; }

    public IReadOnlyList<TicketLogEntry> PublicLog { get; init; } = [];

    public IReadOnlyList<TicketLogEntry> PrivateLog { get; init; } = [];
}
