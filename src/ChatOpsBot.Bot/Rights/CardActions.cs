using CardAction = ChatOpsBot.Cards.ViewModels.TicketAction;
using DomainAction = ChatOpsBot.Tickets.Rights.TicketAction;

namespace ChatOpsBot.Bot.Rights;

/// <summary>
/// A card's buttons and what the domain's rights allow, member by member (a renamed member breaks the build, not a card).
/// </summary>
public static class CardActions
{
    public static DomainAction ToDomain(this CardAction action) => action switch
    {
        CardAction.Assign => DomainAction.Assign,
        CardAction.Pending => DomainAction.Pending,
        CardAction.Reassign => DomainAction.Reassign,
        CardAction.Resolve => DomainAction.Resolve,
        CardAction.Reopen => DomainAction.Reopen,
        CardAction.Close => DomainAction.Close,
        CardAction.Comment => DomainAction.Comment,
        CardAction.HandToApprover => DomainAction.HandToApprover,
        CardAction.Refresh => DomainAction.Refresh,
        CardAction.Resume => DomainAction.Resume,
        CardAction.TakeIt => DomainAction.TakeIt,
        CardAction.DecideApproval => DomainAction.DecideApproval,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static CardAction ToCard(this DomainAction action) => action switch
    {
        DomainAction.Assign => CardAction.Assign,
        DomainAction.Pending => CardAction.Pending,
        DomainAction.Reassign => CardAction.Reassign,
        DomainAction.Resolve => CardAction.Resolve,
        DomainAction.Reopen => CardAction.Reopen,
        DomainAction.Close => CardAction.Close,
        DomainAction.Comment => CardAction.Comment,
        DomainAction.HandToApprover => CardAction.HandToApprover,
        DomainAction.Refresh => CardAction.Refresh,
        DomainAction.Resume => CardAction.Resume,
        DomainAction.TakeIt => CardAction.TakeIt,
        DomainAction.DecideApproval => CardAction.DecideApproval,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
