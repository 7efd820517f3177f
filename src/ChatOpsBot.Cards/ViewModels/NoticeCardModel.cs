namespace ChatOpsBot.Cards.ViewModels;

/// <summary>A plain message, optionally with a Retry button that finishes a stored draft.</summary>
public sealed record NoticeCardModel(string Message)
{
    public string? Title { get; init; }

    /// <summary>When set, a Retry button (verb retryCreate) carries this draft id.</summary>
    public string? RetryDraftId { get; init; }
}
