namespace ChatOpsBot.Tickets.Rules;

/// <summary>Machine codes of the domain's refusals; the user-readable texts are in Resources/TicketRuleMessages.resx (fr) and .en.resx.</summary>
public enum TicketRuleCode
{
    TransitionNotAllowed,
    TicketClosed,
    InternalStimulus,
    TeamRequired,
    AgentRequired,
    AgentNotInTeam,
    PendingReasonRequired,
    SolutionRequired,
    ServiceRequired,
    UnknownService,
    ServiceNotCovered,
    UnknownSubService,
    SubServiceOfOtherService,
    SubServiceNotServiceRequest,
    TitleRequired,
    DescriptionRequired,
    OrganizationRequired,
    CallerRequired,
    CallerOtherOrganization,
    ApproverOtherOrganization,
    RejectReasonRequired,
    CommentRequired,
    NotWaitingForApproval,
    SameApprover,
    TitleTooLong,
    UrgencyInvalid,
    SubServiceObsolete,
    ReopenReasonRequired,

    /// <summary>The private log is written by the group side only (<c>Rights.TicketRights.CheckComment</c>).</summary>
    PrivateLogNotAllowed,
}
