namespace ChatOpsBot.Bot.Drafts;

/// <summary>
/// A new-ticket form being filled in, kept in the state store so that a restart loses nothing.
/// Field values are the raw input values of the card.
/// </summary>
public sealed record TicketDraftState
{
    public required string Id { get; init; }

    public required string ConversationId { get; init; }

    public required string ServiceUrl { get; init; }

    /// <summary>The message holding the form (replaced by the ticket card on creation).</summary>
    public string? FormActivityId { get; init; }

    public required string TeamsUserId { get; init; }

    public required int AuthorPersonId { get; init; }

    /// <summary>The author's name, for an approval request the background may have to make in their name.</summary>
    public string? AuthorName { get; init; }

    public string? Locale { get; init; }

    /// <summary>The school the ticket is opened for (for a <see cref="GroupWide"/> draft, the chosen person's).</summary>
    public required int OrgId { get; init; }

    /// <summary>Opened by a group opener (C2IP): on behalf of any person of the group, the school following the person.</summary>
    public bool GroupWide { get; init; }

    public DraftStatus Status { get; init; } = DraftStatus.Open;

    public string? Brique { get; init; }

    public string? Service { get; init; }

    public string? SubService { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? OnBehalfOf { get; init; }

    public string? SchoolReference { get; init; }

    public string? UserWords { get; init; }

    public string? TicketType { get; init; }

    public string? Urgency { get; init; }

    public bool NeedsApproval { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the last creation attempt started: a later attempt first looks for the ticket it may have created (by the draft id iTop holds).</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>Set at submission: the ticket must be sent for approval once created (asked in the form, or a rule).</summary>
    public bool ApprovalRequired { get; init; }

    /// <summary>While <see cref="DraftStatus.Submitting"/>: the instance creating the ticket (a dead one's creation is finished by another).</summary>
    public Recovery.WorkClaim? Work { get; init; }

    /// <summary>While <see cref="DraftStatus.Failed"/>: why (null when the creation was interrupted by a restart).</summary>
    public ChatOpsBot.Tickets.Failures.DeskFailureKind? Failure { get; init; }

    public int? TicketId { get; init; }

    /// <summary>The created ticket's reference (R-000123), for the cards that name it without asking iTop.</summary>
    public string? TicketRef { get; init; }
}
