namespace ChatOpsBot.Cards.ViewModels;

/// <summary>The notice preferences card: one toggle per kind of personal notice (kind names label them, <c>Notices_{kind}</c>).</summary>
public sealed record NoticePreferencesModel
{
    public required IReadOnlyList<NoticeToggle> Toggles { get; init; }

    /// <summary>Shown above the toggles once saved.</summary>
    public string? Saved { get; init; }

    /// <summary>Shown above the toggles when a save was refused (nothing saved).</summary>
    public string? Refused { get; init; }
}

/// <summary>One kind of notice and whether it is on.</summary>
public sealed record NoticeToggle(string Kind, bool On);
