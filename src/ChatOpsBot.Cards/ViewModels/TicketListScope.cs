namespace ChatOpsBot.Cards.ViewModels;

public enum TicketListScope
{
    /// <summary>Tickets I requested or that are assigned to me.</summary>
    Mine,

    /// <summary>My teams' queue.</summary>
    Team,
}
