using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Bot.Rendering;

/// <summary>
/// The domain's status as the cards show it. The cards know nothing of the domain (their project references none of
/// ours), so the bot maps one to the other, member by member: renaming either side breaks the build, not a card.
/// </summary>
public static class CardStatus
{
    public static CardTicketStatus Of(TicketStatus status) => status switch
    {
        TicketStatus.New => CardTicketStatus.New,
        TicketStatus.WaitingForApproval => CardTicketStatus.WaitingForApproval,
        TicketStatus.Approved => CardTicketStatus.Approved,
        TicketStatus.Rejected => CardTicketStatus.Rejected,
        TicketStatus.Assigned => CardTicketStatus.Assigned,
        TicketStatus.Pending => CardTicketStatus.Pending,
        TicketStatus.EscalatedTto => CardTicketStatus.EscalatedTto,
        TicketStatus.EscalatedTtr => CardTicketStatus.EscalatedTtr,
        TicketStatus.Resolved => CardTicketStatus.Resolved,
        TicketStatus.Closed => CardTicketStatus.Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A status the cards do not show."),
    };
}
