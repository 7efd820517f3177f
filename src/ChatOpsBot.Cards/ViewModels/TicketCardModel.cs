namespace ChatOpsBot.Cards.ViewModels;

/// <summary>Everything a ticket card shows, already formatted.</summary>
public sealed record TicketCardModel
{
    public required string TicketId { get; init; }

    /// <summary>The ticket's version when read (its last-update stamp); carried back by every action.</summary>
    public required string Stamp { get; init; }

    public required string Ref { get; init; }

    public required string Title { get; init; }

    public required CardTicketStatus Status { get; init; }

    public required string Brique { get; init; }

    public required string Service { get; init; }

    public string? SubService { get; init; }

    public required string Requester { get; init; }

    public required string Organisation { get; init; }

    public string? Team { get; init; }

    public string? Agent { get; init; }

    public string? SchoolReference { get; init; }

    /// <summary>Where the ticket stands and who acts next, since when (« En attente du demandeur depuis 3 jours »).</summary>
    public string? Story { get; init; }

    /// <summary>The description, plain text as typed; the card shows its first lines and the rest behind "show more".</summary>
    public string? Description { get; init; }

    /// <summary>The user's words copied from the school's ticket, plain text.</summary>
    public string? UserWords { get; init; }

    /// <summary>Why the ticket is on hold (shown while it is), plain text.</summary>
    public string? PendingReason { get; init; }

    /// <summary>The solution (shown once resolved), plain text.</summary>
    public string? Solution { get; init; }

    /// <summary>The ticket's page in iTop's console, for an "open in iTop" link (shown whatever the state).</summary>
    public Uri? ItopUrl { get; init; }

    public required string Created { get; init; }

    public required string Updated { get; init; }

    /// <summary>Public-log entries, newest first; the card shows the first <see cref="CardLimits.LogEntriesShown"/>.</summary>
    public IReadOnlyList<LogEntryView> PublicLog { get; init; } = [];

    /// <summary>
    /// Private-log entries, newest first, for the group side only (intervenants, group desk): the caller leaves it empty
    /// for anyone else, the school's support and the shared view included.
    /// </summary>
    public IReadOnlyList<LogEntryView> PrivateLog { get; init; } = [];

    /// <summary>Buttons to show; ignored when the ticket is closed or rejected.</summary>
    public IReadOnlyList<TicketAction> AllowedActions { get; init; } = [];

    /// <summary>A sub-form to show open in the card (e.g. assign after a team was picked) instead of behind its button.</summary>
    public TicketAction? OpenForm { get; init; }

    /// <summary>Teams user ids (MRI) whose view refreshes automatically; truncated to 60.</summary>
    public IReadOnlyList<string> RefreshUserIds { get; init; } = [];

    /// <summary>Banner text shown on top (e.g. the card was out of date).</summary>
    public string? Notice { get; init; }

    /// <summary>The banner's colour: a caution unless it brings good news (the ticket's status colours: resolved is good).</summary>
    public NoticeTone NoticeTone { get; init; }

    /// <summary>Errors by input id (see <see cref="CardInputIds"/>), shown under the input of the open sub-form.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    public TicketFormChoices Choices { get; init; } = new();
}
