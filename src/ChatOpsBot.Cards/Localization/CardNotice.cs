namespace ChatOpsBot.Cards.Localization;

/// <summary>Standard notices shown as a banner on top of a re-rendered card.</summary>
public enum CardNotice
{
    /// <summary>The clicked card was out of date; this is the current state.</summary>
    OutOfDate,

    /// <summary>The action is not (or no longer) allowed for this user.</summary>
    NotAllowed,

    /// <summary>The action was done.</summary>
    Done,

    /// <summary>iTop did not answer; nothing was changed.</summary>
    ItopUnavailable,
}
