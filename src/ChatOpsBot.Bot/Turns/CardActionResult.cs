using ChatOpsBot.Cards.Model;

namespace ChatOpsBot.Bot.Turns;

/// <summary>
/// The answer to a card action: the card the clicker sees, and optionally the card put in the shared message
/// for everyone else (their clients then refresh their own view through <c>refresh.userIds</c>).
/// </summary>
public sealed record CardActionResult(AdaptiveCard? Card, string? Message = null)
{
    public AdaptiveCard? SharedCard { get; init; }

    public static CardActionResult Show(AdaptiveCard card) => new(card);

    /// <summary>A short text instead of a card (the clicker's card stays as it is).</summary>
    public static CardActionResult Text(string message) => new(null, message);
}
