namespace ChatOpsBot.Bot.Approvals;

/// <summary>One approver of a request and where their card was posted.</summary>
public sealed record ApproverRef
{
    public required int PersonId { get; init; }

    public required string Name { get; init; }

    public string? TeamsUserId { get; init; }

    public string? ConversationId { get; init; }

    public string? ActivityId { get; init; }

    public string? ServiceUrl { get; init; }

    /// <summary>The Teams locale of their chat, when known: their card speaks it (French otherwise).</summary>
    public string? Locale { get; init; }
}
