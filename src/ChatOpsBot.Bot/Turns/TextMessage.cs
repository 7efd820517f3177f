using ChatOpsBot.Protocol.Schema;

namespace ChatOpsBot.Bot.Turns;

/// <summary>Outgoing text activities.</summary>
public static class TextMessage
{
    /// <summary>
    /// The longest text sent: 20 000 characters stay far below the 100 KB a Teams message may carry (counted in UTF-16,
    /// with the activity around it). Every message is built from bounded parts; this is the last guard.
    /// </summary>
    public const int MaxLength = 20_000;

    /// <summary>A markdown message; any user text in it must come through <see cref="MarkdownText"/>.</summary>
    public static Activity Markdown(string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text.Length <= MaxLength ? text : text[..MaxLength] + "…",
        TextFormat = "markdown",
    };
}
