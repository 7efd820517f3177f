namespace ChatOpsBot.Cards.ViewModels;

/// <summary>The daily digest of a channel's subscriptions (or of a person's tickets).</summary>
public sealed record DigestCardModel
{
    /// <summary>What the digest covers, already worded ("brique « OpenMoodle »", a person's name).</summary>
    public required string Scope { get; init; }

    public required DateOnly Day { get; init; }

    /// <summary>Open tickets per state, in lifecycle order.</summary>
    public IReadOnlyList<DigestStateCount> ByState { get; init; } = [];

    public int OpenCount { get; init; }

    /// <summary>The oldest tickets nobody is assigned to yet (oldest first).</summary>
    public IReadOnlyList<TicketListRow> OldestUnassigned { get; init; } = [];

    /// <summary>Pending for more than <see cref="PendingDays"/> days, with how many days.</summary>
    public IReadOnlyList<DigestPendingRow> LongPending { get; init; } = [];

    public int PendingDays { get; init; }

    /// <summary>Resolved, waiting for the school to close them.</summary>
    public IReadOnlyList<TicketListRow> AwaitingClose { get; init; } = [];

    /// <summary>iTop held more tickets than the digest read: the counts are of the first ones.</summary>
    public bool Truncated { get; init; }
}

public sealed record DigestStateCount(CardTicketStatus Status, int Count);

public sealed record DigestPendingRow(TicketListRow Row, int Days);
