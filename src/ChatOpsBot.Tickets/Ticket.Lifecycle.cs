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
    public TicketTransition Assign(Team? team, int? agentId) => CheckAssign(team, agentId ?? KeptAgent(team)).OrThrow();

    /// <summary>The rules of an assignment to exactly this team and agent (none chosen is a violation).</summary>
    public TicketVerdict<TicketTransition> CheckAssign(Team? team, int? agentId) => Assignment(TicketStimulus.Assign, team, agentId);

    /// <summary>Reassign (assigned, escalated_ttr) to another team and/or agent; the note, when given, goes to the private log with the move.</summary>
    public TicketTransition Reassign(Team? team, int? agentId, string? note = null) => CheckReassign(team, agentId ?? KeptAgent(team), note).OrThrow();

    /// <summary>The rules of a reassignment to exactly this team and agent (none chosen is a violation).</summary>
    public TicketVerdict<TicketTransition> CheckReassign(Team? team, int? agentId, string? note = null) => Assignment(TicketStimulus.Reassign, team, agentId, note);

    /// <summary>Put on hold with a reason (iTop's pending_reason; the private-log line of the move repeats it).</summary>
    public TicketTransition SetPending(string? reason) => CheckSetPending(reason).OrThrow();

    public TicketVerdict<TicketTransition> CheckSetPending(string? reason)
    {
        var violations = MoveViolations(TicketStimulus.Pending, out var to);
        violations.Require(!string.IsNullOrWhiteSpace(reason), TicketRuleCode.PendingReasonRequired, TicketField.Reason);
        return violations.Verdict(() => Move(TicketStimulus.Pending, to, new TicketChanges { PendingReason = reason!.Trim() }, reason.Trim()));
    }

    /// <summary>
    /// Resolve with a solution. The service is the ticket's unless one is given; it must be covered by the contract of
    /// the ticket's organisation; the sub-service (given, or the ticket's when the service is unchanged) must belong to it
    /// and be of type service_request.
    /// </summary>
    public TicketTransition Resolve(string? solution, ServiceCatalog catalog, int? serviceId = null, int? subServiceId = null, string resolutionCode = "assistance") =>
        CheckResolve(solution, catalog, serviceId, subServiceId, resolutionCode).OrThrow();

    public TicketVerdict<TicketTransition> CheckResolve(string? solution, ServiceCatalog catalog, int? serviceId = null, int? subServiceId = null, string resolutionCode = "assistance")
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var violations = MoveViolations(TicketStimulus.Resolve, out var to);
        violations.Require(!string.IsNullOrWhiteSpace(solution), TicketRuleCode.SolutionRequired, TicketField.Solution);
        var effectiveService = serviceId ?? ServiceId;
        var effectiveSub = subServiceId ?? (serviceId is null || serviceId == ServiceId ? SubServiceId : null);
        violations.AddRange(TicketCatalogRules.Check(catalog, OrgId, OrgName, effectiveService, effectiveSub, serviceRequired: true));
        return violations.Verdict(() => Move(TicketStimulus.Resolve, to, new TicketChanges
        {
            Solution = solution!.Trim(),
            ResolutionCode = resolutionCode,
            ServiceId = serviceId,
            SubServiceId = subServiceId,
        }));
    }

    /// <summary>
    /// Reopen: a resolved request goes back to assigned (its team and agent must still be set), a rejected one to new.
    /// The reason, when given, goes to the public log with the move (as the console asks for it).
    /// </summary>
    public TicketTransition Reopen(string? reason = null) => CheckReopen(reason, reasonRequired: false).OrThrow();

    /// <param name="reasonRequired">A person reopening from Teams says why (the console asks for it too); the desk's own writes may not.</param>
    public TicketVerdict<TicketTransition> CheckReopen(string? reason, bool reasonRequired = true)
    {
        var violations = MoveViolations(TicketStimulus.Reopen, out var to);
        if (violations.Count == 0 && to == TicketStatus.Assigned)
        {
            violations.Require(TeamId is not null, TicketRuleCode.TeamRequired, TicketField.Team);
            violations.Require(AgentId is not null, TicketRuleCode.AgentRequired, TicketField.Agent);
        }

        violations.Require(!reasonRequired || !string.IsNullOrWhiteSpace(reason), TicketRuleCode.ReopenReasonRequired, TicketField.Reason);
        return violations.Verdict(() => Move(TicketStimulus.Reopen, to, new TicketChanges { PublicLogText = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim() }));
    }

    /// <summary>Close a resolved request.</summary>
    public TicketTransition Close() => CheckClose().OrThrow();

    public TicketVerdict<TicketTransition> CheckClose()
    {
        var violations = MoveViolations(TicketStimulus.Close, out var to);
        return violations.Verdict(() => Move(TicketStimulus.Close, to, new TicketChanges()));
    }

    /// <summary>Ask for an approval; the approver, when given, must belong to the ticket's organisation.</summary>
    public TicketTransition RequestApproval(Person? approver) => CheckRequestApproval(approver).OrThrow();

    public TicketVerdict<TicketTransition> CheckRequestApproval(Person? approver)
    {
        var violations = MoveViolations(TicketStimulus.WaitForApproval, out var to);
        violations.Require(approver is null || approver.OrgId == OrgId, TicketRuleCode.ApproverOtherOrganization, TicketField.Approver, OrgName);
        return violations.Verdict(() => Move(TicketStimulus.WaitForApproval, to, new TicketChanges { ApproverId = approver?.Id }));
    }

    /// <summary>Approve a request waiting for approval; the note, when given, goes to the public log with the move.</summary>
    public TicketTransition Approve(string? note = null) => CheckApprove(note).OrThrow();

    public TicketVerdict<TicketTransition> CheckApprove(string? note = null)
    {
        var violations = MoveViolations(TicketStimulus.Approve, out var to);
        return violations.Verdict(() => Move(TicketStimulus.Approve, to, new TicketChanges { PublicLogText = string.IsNullOrWhiteSpace(note) ? null : note.Trim() }));
    }

    /// <summary>
    /// Hand a request waiting for approval to another approver of its organisation. Not a stimulus: an update of
    /// approver_id, which LIFECYCLE.md §4 leaves writable in waiting_for_approval only (read-only once approved).
    /// </summary>
    public TicketUpdate HandToApprover(Person approver, string? note = null) => CheckHandToApprover(approver, note).OrThrow();

    public TicketVerdict<TicketUpdate> CheckHandToApprover(Person approver, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(approver);
        var violations = new TicketViolations();
        _ = violations.Require(Status != TicketStatus.Closed, TicketRuleCode.TicketClosed, TicketField.None)
            && violations.Require(Status == TicketStatus.WaitingForApproval, TicketRuleCode.NotWaitingForApproval, TicketField.None, Status);
        violations.Require(approver.OrgId == OrgId, TicketRuleCode.ApproverOtherOrganization, TicketField.Approver, OrgName);
        violations.Require(approver.Id != ApproverId, TicketRuleCode.SameApprover, TicketField.Approver, approver.FullName);
        var line = string.IsNullOrWhiteSpace(note) ? TicketTexts.LogLine("hand_over", null, approver.FullName) : note.Trim();
        return violations.Verdict(() => new TicketUpdate(Id, new TicketChanges { ApproverId = approver.Id, PrivateLogText = line }));
    }

    /// <summary>Reject a request waiting for approval; the reason goes to the public log.</summary>
    public TicketTransition Reject(string? reason) => CheckReject(reason).OrThrow();

    public TicketVerdict<TicketTransition> CheckReject(string? reason)
    {
        var violations = MoveViolations(TicketStimulus.Reject, out var to);
        violations.Require(!string.IsNullOrWhiteSpace(reason), TicketRuleCode.RejectReasonRequired, TicketField.Reason);
        return violations.Verdict(() => Move(TicketStimulus.Reject, to, new TicketChanges { PublicLogText = reason!.Trim() }));
    }

    /// <summary>A case-log entry (any state but closed, non-empty text), public or private.</summary>
    public TicketUpdate Comment(string? text, bool isPublic) => CheckComment(text, isPublic).OrThrow();

    public TicketVerdict<TicketUpdate> CheckComment(string? text, bool isPublic)
    {
        var violations = new TicketViolations();
        violations.Require(Status != TicketStatus.Closed, TicketRuleCode.TicketClosed, TicketField.None);
        violations.Require(!string.IsNullOrWhiteSpace(text), TicketRuleCode.CommentRequired, TicketField.Comment);
        return violations.Verdict(() =>
        {
            var entry = text!.Trim();
            return new TicketUpdate(Id, isPublic ? new TicketChanges { PublicLogText = entry } : new TicketChanges { PrivateLogText = entry });
        });
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

    private TicketVerdict<TicketTransition> Assignment(TicketStimulus stimulus, Team? team, int? agentId, string? note = null)
    {
        var violations = MoveViolations(stimulus, out var to);
        _ = violations.Require(team is not null, TicketRuleCode.TeamRequired, TicketField.Team)
            && violations.Require(agentId is not null, TicketRuleCode.AgentRequired, TicketField.Agent)
            && violations.Require(team!.HasMember(agentId!.Value), TicketRuleCode.AgentNotInTeam, TicketField.Agent, team.Name);
        return violations.Verdict(() =>
        {
            var name = team!.Members.FirstOrDefault(m => m.PersonId == agentId)?.FullName;
            return Move(stimulus, to, new TicketChanges { TeamId = team.Id, AgentId = agentId }, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), name, team.Name);
        });
    }

    /// <summary>The agent a move keeps when none is given: the ticket's, if the team stays the same.</summary>
    private int? KeptAgent(Team? team) => team is not null && team.Id == TeamId ? AgentId : null;

    /// <summary>The violations of the move itself (closed ticket, internal stimulus, no transition from the state) and its target.</summary>
    private TicketViolations MoveViolations(TicketStimulus stimulus, out TicketStatus to)
    {
        var violations = new TicketViolations();
        var target = TicketLifecycle.TargetOf(Status, stimulus);
        _ = violations.Require(Status != TicketStatus.Closed, TicketRuleCode.TicketClosed, TicketField.None)
            && violations.Require(!stimulus.IsInternal(), TicketRuleCode.InternalStimulus, TicketField.None, stimulus)
            && violations.Require(target is not null, TicketRuleCode.TransitionNotAllowed, TicketField.None, stimulus, Status);
        to = target ?? Status;
        return violations;
    }

    /// <summary>
    /// The move, with the private-log line that records it (unless it writes to the public log already): every write
    /// from Teams carries one case-log entry, which the desk heads with the actor's name.
    /// </summary>
    private TicketTransition Move(TicketStimulus stimulus, TicketStatus to, TicketChanges changes, string? detail = null, params string?[] args) =>
        new(Id, stimulus, Status, to, changes.PublicLogText is null && changes.PrivateLogText is null
            ? changes with { PrivateLogText = TicketTexts.LogLine(stimulus.ToCode(), detail, args) }
            : changes);
}
