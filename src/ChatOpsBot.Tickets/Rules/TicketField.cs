namespace ChatOpsBot.Tickets.Rules;

/// <summary>The part of a ticket (or of a move's inputs) a rule's violation concerns, so that a caller can show it there.</summary>
public enum TicketField
{
    /// <summary>The move itself (the ticket's state), not one of its inputs.</summary>
    None,
    Organization,
    Caller,
    Title,
    Description,
    Urgency,
    Service,
    SubService,
    Team,
    Agent,

    /// <summary>The reason a move carries: a hold's, a reopening's or a rejection's.</summary>
    Reason,
    Solution,

    /// <summary>A case-log entry's text.</summary>
    Comment,

    /// <summary>Whether a case-log entry is public or private.</summary>
    LogVisibility,
    Approver,
}
