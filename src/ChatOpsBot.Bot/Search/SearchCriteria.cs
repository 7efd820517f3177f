using ChatOpsBot.Tickets;

namespace ChatOpsBot.Bot.Search;

/// <summary>What a search text asks for; every criterion given narrows the result.</summary>
public sealed record SearchCriteria
{
    /// <summary>One ticket by its reference ("R-000012").</summary>
    public string? Ref { get; init; }

    public IReadOnlyList<TicketStatus>? Statuses { get; init; }

    /// <summary>"à moi" / "mine": requested by or assigned to the searcher.</summary>
    public bool Mine { get; init; }

    /// <summary>A school named in the text.</summary>
    public int? OrgId { get; init; }

    /// <summary>A brique's or a service's services named in the text.</summary>
    public IReadOnlyList<int>? ServiceIds { get; init; }

    /// <summary>The other words: each in the title or the requester's name.</summary>
    public IReadOnlyList<string> Words { get; init; } = [];
}
