namespace ChatOpsBot.Cards;

/// <summary>Sizes the cards enforce or announce.</summary>
public static class CardLimits
{
    public const int TitleMaxLength = 255;
    public const int TextMaxLength = 4000;
    public const int SchoolReferenceMaxLength = 100;
    public const int LogEntriesShown = 3;
    public const int LogEntryShownLength = 1000;

    /// <summary>The description's first lines shown as they come; the rest (up to <see cref="DescriptionShownLength"/>) behind "show more".</summary>
    public const int DescriptionPreviewLines = 4;
    public const int DescriptionPreviewLength = 300;
    public const int DescriptionShownLength = 3000;

    /// <summary>The user's words, the hold reason and the solution, each cut to this on the card.</summary>
    public const int StoryTextShownLength = 1000;
    public const int ListTitleShownLength = 120;
    public const int EchoedInputLength = 100;

    /// <summary>Longest choice list rendered; callers should narrow bigger lists (e.g. people of one school).</summary>
    public const int MaxChoices = 500;

    /// <summary>Teams refuses messages above 100 KB; cards stay well below.</summary>
    public const int MaxCardBytes = 100 * 1024;
}
