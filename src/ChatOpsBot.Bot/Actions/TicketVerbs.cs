using ChatOpsBot.Cards;
using ChatOpsBot.Cards.ViewModels;

namespace ChatOpsBot.Bot.Actions;

/// <summary>Card verb ↔ ticket action.</summary>
public static class TicketVerbs
{
    public static TicketAction? ActionOf(string verb) => verb switch
    {
        CardVerbs.Assign or CardVerbs.AssignPickTeam => TicketAction.Assign,
        CardVerbs.Pending => TicketAction.Pending,
        CardVerbs.Reassign => TicketAction.Reassign,
        CardVerbs.Resolve => TicketAction.Resolve,
        CardVerbs.Reopen => TicketAction.Reopen,
        CardVerbs.Close => TicketAction.Close,
        CardVerbs.Comment => TicketAction.Comment,
        CardVerbs.Refresh => TicketAction.Refresh,
        CardVerbs.Resume => TicketAction.Resume,
        CardVerbs.TakeIt => TicketAction.TakeIt,
        _ => null,
    };
}
