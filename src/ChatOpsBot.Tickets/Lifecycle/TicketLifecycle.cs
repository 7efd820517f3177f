namespace ChatOpsBot.Tickets.Lifecycle;

/// <summary>The transition table of LIFECYCLE.md §3: (state, stimulus) → target state.</summary>
public static class TicketLifecycle
{
    private static readonly Dictionary<(TicketStatus From, TicketStimulus Stimulus), TicketStatus> Table = new()
    {
        [(TicketStatus.New, TicketStimulus.Assign)] = TicketStatus.Assigned,
        [(TicketStatus.New, TicketStimulus.WaitForApproval)] = TicketStatus.WaitingForApproval,
        [(TicketStatus.New, TicketStimulus.Timeout)] = TicketStatus.EscalatedTto,
        [(TicketStatus.New, TicketStimulus.AutoResolve)] = TicketStatus.Resolved,
        [(TicketStatus.WaitingForApproval, TicketStimulus.Approve)] = TicketStatus.Approved,
        [(TicketStatus.WaitingForApproval, TicketStimulus.Reject)] = TicketStatus.Rejected,
        [(TicketStatus.Approved, TicketStimulus.Assign)] = TicketStatus.Assigned,
        [(TicketStatus.Approved, TicketStimulus.Timeout)] = TicketStatus.EscalatedTto,
        [(TicketStatus.Approved, TicketStimulus.AutoResolve)] = TicketStatus.Resolved,
        [(TicketStatus.Rejected, TicketStimulus.Reopen)] = TicketStatus.New,
        [(TicketStatus.EscalatedTto, TicketStimulus.Assign)] = TicketStatus.Assigned,
        [(TicketStatus.Assigned, TicketStimulus.Reassign)] = TicketStatus.Assigned,
        [(TicketStatus.Assigned, TicketStimulus.Pending)] = TicketStatus.Pending,
        [(TicketStatus.Assigned, TicketStimulus.Resolve)] = TicketStatus.Resolved,
        [(TicketStatus.Assigned, TicketStimulus.Timeout)] = TicketStatus.EscalatedTtr,
        [(TicketStatus.Assigned, TicketStimulus.AutoResolve)] = TicketStatus.Resolved,
        [(TicketStatus.EscalatedTtr, TicketStimulus.Reassign)] = TicketStatus.Assigned,
        [(TicketStatus.EscalatedTtr, TicketStimulus.Pending)] = TicketStatus.Pending,
        [(TicketStatus.EscalatedTtr, TicketStimulus.Resolve)] = TicketStatus.Resolved,
        [(TicketStatus.EscalatedTtr, TicketStimulus.AutoResolve)] = TicketStatus.Resolved,
        [(TicketStatus.Pending, TicketStimulus.Assign)] = TicketStatus.Assigned,
        [(TicketStatus.Pending, TicketStimulus.AutoResolve)] = TicketStatus.Resolved,
        [(TicketStatus.Resolved, TicketStimulus.Close)] = TicketStatus.Closed,
        [(TicketStatus.Resolved, TicketStimulus.Reopen)] = TicketStatus.Assigned,
        [(TicketStatus.Resolved, TicketStimulus.AutoResolve)] = TicketStatus.Resolved,
    };

    /// <summary>Every legal transition.</summary>
    public static IEnumerable<(TicketStatus From, TicketStimulus Stimulus, TicketStatus To)> Transitions =>
        Table.Select(p => (p.Key.From, p.Key.Stimulus, p.Value));

    /// <summary>The target state of a stimulus, or null when iTop has no such transition.</summary>
    public static TicketStatus? TargetOf(TicketStatus from, TicketStimulus stimulus) =>
        Table.TryGetValue((from, stimulus), out var to) ? to : null;

    /// <summary>The fields that must be non-empty after the stimulus (LIFECYCLE.md §4, last table).</summary>
    public static IReadOnlyList<string> RequiredFields(TicketStatus target) => target switch
    {
        TicketStatus.Assigned or TicketStatus.EscalatedTtr => ["team_id", "agent_id"],
        TicketStatus.Pending => ["team_id", "agent_id", "pending_reason"],
        TicketStatus.Resolved => ["solution", "resolution_code", "service_id"],
        TicketStatus.New or TicketStatus.WaitingForApproval or TicketStatus.Approved
            or TicketStatus.Rejected or TicketStatus.EscalatedTto => ["org_id", "caller_id"],
        _ => [],
    };
}
