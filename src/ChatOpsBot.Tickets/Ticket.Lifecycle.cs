using ChatOpsBot.Tickets.Catalog;
using ChatOpsBot.Tickets.Lifecycle;
using ChatOpsBot.Tickets.People;
using ChatOpsBot.Tickets.Rules;

namespace ChatOpsBot.Tickets;

// iTop's REST enforces neither the per-state mandatory fields nor the external-key filters (README,
// "Behaviours worth knowing"), so every rule of LIFECYCLE.md §3-§6 is checked here before any call.
public sealed partial record Ticket
{
    /// <summary>True when iTop has a transition for the stimulus from the current state.</summary>
    public bool Allows(TicketStimulus stimulus) => TicketLifecycle.TargetOf(Status, stimulus) is not null;

    /// <summary>Assign (new, approved, escalated_tto, and back from pending). Null keeps the current team/agent.</summary>
    public TicketTransition Assign(Team? team, int? agentId) => Assignment(TicketStimulus.Assign, team, agentId);

    /// <summary>Reassign (assigned, escalated_ttr) to another team and/or agent; the note, when given, goes to the private log with the move.</summary>
    public TicketTransition Reassign(Team? team, int? agentId, string? note = null) => Assignment(TicketStimulus.Reassign, team, agentId, note);

    /// <summary>Put on hold with a reason (iTop's pending_reason; the private-log line of the move repeats it).</summary>
    public TicketTransition SetPending(string? reason)
    {
        var to = Target(TicketStimulus.Pending);
        Require(!string.IsNullOrWhiteSpace(reason), TicketRuleCode.PendingReasonRequired);
        return Move(TicketStimulus.Pending, to, new TicketChanges { PendingReason = reason!.Trim() }, reason.Trim());
    }

    /// <summary>
    /// Resolve with a solution. The service is the ticket's unless one is given; it must be covered by the contract of
    /// the ticket's organisation; the sub-service (given, or the ticket's when the service is unchanged) must belong to it
    /// and be of type service_request.
    /// </summary>
    public TicketTransition Resolve(string? solution, ServiceCatalog catalog, int? serviceId = null, int? subServiceId = null, string resolutionCode = "assistance")
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var to = Target(TicketStimulus.Resolve);
        Require(!string.IsNullOrWhiteSpace(solution), TicketRuleCode.SolutionRequired);
        var effectiveService = serviceId ?? ServiceId;
        var effectiveSub = subServiceId ?? (serviceId is null || serviceId == ServiceId ? SubServiceId : null);
        TicketCatalogRules.CheckService(catalog, OrgId, OrgName, effectiveService, effectiveSub, serviceRequired: true);
        return Move(TicketStimulus.Resolve, to, new TicketChanges
        {
            Solution = solution!.Trim(),
            ResolutionCode = resolutionCode,
            ServiceId = serviceId,
            SubServiceId = subServiceId,
        });
    }

    /// <summary>
    /// Reopen: a resolved request goes back to assigned (its team and agent must still be set), a rejected one to new.
    /// The reason, when given, goes to the public log with the move (as the console asks for it).
    /// </summary>
    public TicketTransition Reopen(string? reason = null)
    {
        var to = Target(TicketStimulus.Reopen);
        if (to == TicketStatus.Assigned)
        {
            Require(TeamId is not null, TicketRuleCode.TeamRequired);
            Require(AgentId is not null, TicketRuleCode.AgentRequired);
        }

        return Move(TicketStimulus.Reopen, to, new TicketChanges { PublicLogText = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim() });
    }

    /// <summary>Close a resolved request.</summary>
    public TicketTransition Close() => Move(TicketStimulus.Close, Target(TicketStimulus.Close), new TicketChanges());

    /// <summary>Ask for an approval; the approver, when given, must belong to the ticket's organisation.</summary>
    public TicketTransition RequestApproval(Person? approver)
    {
        var to = Target(TicketStimulus.WaitForApproval);
        Require(approver is null || approver.OrgId == OrgId, TicketRuleCode.ApproverOtherOrganization, OrgName);
        return Move(TicketStimulus.WaitForApproval, to, new TicketChanges { ApproverId = approver?.Id });
    }

    /// <summary>Approve a request waiting for approval; the note, when given, goes to the public log with the move.</summary>
    public TicketTransition Approve(string? note = null) =>
        Move(TicketStimulus.Approve, Target(TicketStimulus.Approve), new TicketChanges { PublicLogText = string.IsNullOrWhiteSpace(note) ? null : note.Trim() });

    /// <summary>
    /// Hand a request waiting for approval to another approver of its organisation. Not a stimulus: an update of
    /// approver_id, which LIFECYCLE.md §4 leaves writable in waiting_for_approval only (read-only once approved).
    /// </summary>
    public TicketUpdate HandToApprover(Person approver, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(approver);
        Require(Status != TicketStatus.Closed, TicketRuleCode.TicketClosed);
        Require(Status == TicketStatus.WaitingForApproval, TicketRuleCode.NotWaitingForApproval, Status);
        Require(approver.OrgId == OrgId, TicketRuleCode.ApproverOtherOrganization, OrgName);
        Require(approver.Id != ApproverId, TicketRuleCode.SameApprover, approver.FullName);
        var line = string.IsNullOrWhiteSpace(note) ? TicketTexts.LogLine("hand_over", null, approver.FullName) : note.Trim();
        return new TicketUpdate(Id, new TicketChanges { ApproverId = approver.Id, PrivateLogText = line });
    }

    /// <summary>Reject a request waiting for approval; the reason goes to the public log.</summary>
    public TicketTransition Reject(string? reason)
    {
        var to = Target(TicketStimulus.Reject);
        Require(!string.IsNullOrWhiteSpace(reason), TicketRuleCode.RejectReasonRequired);
        return Move(TicketStimulus.Reject, to, new TicketChanges { PublicLogText = reason!.Trim() });
    }

    /// <summary>A case-log entry (any state but closed, non-empty text), public or private.</summary>
    public TicketUpdate Comment(string? text, bool isPublic)
    {
        Require(Status != TicketStatus.Closed, TicketRuleCode.TicketClosed);
        Require(!string.IsNullOrWhiteSpace(text), TicketRuleCode.CommentRequired);
        var entry = text!.Trim();
        return new TicketUpdate(Id, isPublic ? new TicketChanges { PublicLogText = entry } : new TicketChanges { PrivateLogText = entry });
    }

    /// <summary>The ticket as it would be after the move (what iTop is expected to return, minus dates and logs).</summary>
    public Ticket Apply(TicketTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var c = transition.Changes;
        return this with
        {
            Status = transition.To,
            TeamId = c.TeamId ?? TeamId,
            AgentId = c.AgentId ?? AgentId,
            ApproverId = c.ApproverId ?? ApproverId,
            PendingReason = c.PendingReason ?? PendingReason,
            Solution = c.Solution ?? Solution,
            ResolutionCode = c.ResolutionCode ?? ResolutionCode,
            ServiceId = c.ServiceId ?? ServiceId,
            SubServiceId = c.SubServiceId ?? SubServiceId,
        };
    }

    private TicketTransition Assignment(TicketStimulus stimulus, Team? team, int? agentId, string? note = null)
    {
        var to = Target(stimulus);
        Require(team is not null, TicketRuleCode.TeamRequired);
        var agent = agentId ?? (team!.Id == TeamId ? AgentId : null);
        Require(agent is not null, TicketRuleCode.AgentRequired);
        Require(team!.HasMember(agent!.Value), TicketRuleCode.AgentNotInTeam, team.Name);
        var name = team.Members.FirstOrDefault(m => m.PersonId == agent)?.FullName;
        return Move(stimulus, to, new TicketChanges { TeamId = team.Id, AgentId = agent }, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), name, team.Name);
    }

    private TicketStatus Target(TicketStimulus stimulus)
    {
        Require(Status != TicketStatus.Closed, TicketRuleCode.TicketClosed);
        Require(!stimulus.IsInternal(), TicketRuleCode.InternalStimulus, stimulus);
        return TicketLifecycle.TargetOf(Status, stimulus)
            ?? throw new TicketRuleException(TicketRuleCode.TransitionNotAllowed, stimulus, Status);
    }

    /// <summary>
    /// The move, with the private-log line that records it (unless it writes to the public log already): every write
    /// from Teams carries one case-log entry, which the desk heads with the actor's name.
    /// </summary>
    private TicketTransition Move(TicketStimulus stimulus, TicketStatus to, TicketChanges changes, string? detail = null, params string?[] args) =>
        new(Id, stimulus, Status, to, changes.PublicLogText is null && changes.PrivateLogText is null
            ? changes with { PrivateLogText = TicketTexts.LogLine(stimulus.ToCode(), detail, args) }
            : changes);

    private static void Require(bool condition, TicketRuleCode code, params object[] args)
    {
        if (!condition)
        {
            throw new TicketRuleException(code, args);
        }
    }
}
