using ChatOpsBot.Protocol.Schema;

namespace ChatOpsBot.Bot.Conversation;

/// <summary>Outgoing text activities.</summary>
public static class TextMessage
{
    public static Activity Markdown(string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = "markdown",
    };
}
