namespace ChatOpsBot.Bot.Routing;

/// <summary>A parsed text command: its kind and the free text that follows it.</summary>
public sealed record BotCommand(CommandKind Kind, string Argument = "", bool UnknownInput = false)
{
    public static readonly BotCommand Help = new(CommandKind.Help);
}
