namespace ChatOpsBot.Cards.ViewModels;

/// <summary>An approval request: what is asked, by whom, for which school, why; and its decision once taken.</summary>
public sealed record ApprovalCardModel
{
    public required string TicketId { get; init; }

    public required string Stamp { get; init; }

    public required string Ref { get; init; }

    /// <summary>What is asked (the ticket's title).</summary>
    public required string Request { get; init; }

    public required string RequestedBy { get; init; }

    public required string School { get; init; }

    /// <summary>Why (the requester's words or description).</summary>
    public required string Reason { get; init; }

    /// <summary>The school's own ticket reference, as typed in the form (the ticket card shows it too).</summary>
    public string? SchoolReference { get; init; }

    /// <summary>The user's words copied from the school's ticket, plain text.</summary>
    public string? UserWords { get; init; }

    /// <summary>The note of the last hand-over to another approver (who, when, what), plain text.</summary>
    public LogEntryView? HandOffNote { get; init; }

    /// <summary>Brique › service › sub-service, already joined, when known.</summary>
    public string? ServicePath { get; init; }

    public string? RequestedAt { get; init; }

    /// <summary>The approver iTop names on the ticket (approver_id), when set.</summary>
    public string? Approver { get; init; }

    /// <summary>The other approvers of the school the request can be handed over to (approver view only).</summary>
    public IReadOnlyList<ChoiceOption> HandOffChoices { get; init; } = [];

    public required ApprovalCardView View { get; init; }

    public ApprovalDecision? Decision { get; init; }

    public string? DecidedBy { get; init; }

    public string? DecidedAt { get; init; }

    public string? DecisionComment { get; init; }

    /// <summary>Teams user ids (MRI) whose view refreshes automatically (the approvers); truncated to 60.</summary>
    public IReadOnlyList<string> RefreshUserIds { get; init; } = [];

    public string? Notice { get; init; }

    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
}
