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
}
