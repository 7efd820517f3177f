namespace ChatOpsBot.Bot.Routing;

/// <summary>What a user asked for in a text message.</summary>
public enum CommandKind
{
    Help,
    OpenTicket,
    ShowTicket,
    MyTickets,
    TeamTickets,
    Subscribe,
    ListSubscriptions,
    Unsubscribe,

    /// <summary><c>/ticket résumé oui|non</c>: the daily digest.</summary>
    Digest,

    /// <summary><c>/ticket notifications</c>: the person's notice preferences.</summary>
    NoticePreferences,
}
