using System.Text.RegularExpressions;

namespace ChatOpsBot.Bot.Routing;

/// <summary>Turns what the user typed (mention already stripped) into a <see cref="BotCommand"/>.</summary>
public static partial class CommandParser
{
    public static BotCommand Parse(string? text)
    {
        var input = Normalize(text);
        if (input.Length == 0)
        {
            return BotCommand.Help with { UnknownInput = true };
        }

        var (head, rest) = SplitHead(input);
        switch (head.ToLowerInvariant())
        {
            case "aide":
            case "help":
            case "/aide":
            case "/help":
            case "?":
                return BotCommand.Help;
            case "/ticket":
            case "ticket":
                return ParseTicket(rest);
            case "/tickets":
            case "tickets":
                return IsTeamWord(rest)
                    ? new BotCommand(CommandKind.TeamTickets)
                    : new BotCommand(CommandKind.MyTickets, rest);
            case "/abonner":
            case "abonner":
            case "/subscribe":
            case "subscribe":
                return ParseSubscription(input);
            default:
                return BotCommand.Help with { UnknownInput = true };
        }
    }

    private static BotCommand ParseTicket(string rest)
    {
        if (rest.Length == 0)
        {
            return new BotCommand(CommandKind.OpenTicket);
        }

        var (verb, argument) = SplitHead(rest);
        switch (verb.ToLowerInvariant())
        {
            case "abonner":
            case "subscribe":
                return new BotCommand(CommandKind.Subscribe, argument);
            case "abonnements":
            case "subscriptions":
                return new BotCommand(CommandKind.ListSubscriptions);
            case "désabonner":
            case "desabonner":
            case "unsubscribe":
                return new BotCommand(CommandKind.Unsubscribe, argument);
            case "résumé":
            case "resume":
            case "digest":
                return new BotCommand(CommandKind.Digest, argument);
            case "notifications":
            case "notification":
                return new BotCommand(CommandKind.NoticePreferences);
        }

        var reference = TicketReference().Match(rest);
        if (reference.Success)
        {
            return new BotCommand(CommandKind.ShowTicket, rest.ToUpperInvariant());
        }

        return new BotCommand(CommandKind.OpenTicket, rest);
    }

    private static BotCommand ParseSubscription(string input)
    {
        var (_, rest) = SplitHead(input);
        return new BotCommand(CommandKind.Subscribe, rest);
    }

    private static bool IsTeamWord(string rest) =>
        rest.Equals("équipe", StringComparison.OrdinalIgnoreCase)
        || rest.Equals("equipe", StringComparison.OrdinalIgnoreCase)
        || rest.Equals("team", StringComparison.OrdinalIgnoreCase);

    private static (string Head, string Tail) SplitHead(string input)
    {
        var space = input.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (input, string.Empty) : (input[..space], input[(space + 1)..].Trim());
    }

    private static string Normalize(string? text) =>
        text is null ? string.Empty : Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?:R-?)?(?<n>\d{1,9})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TicketReference();
}
