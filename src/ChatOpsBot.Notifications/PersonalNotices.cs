using ChatOpsBot.Bot.Drafts;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Notifications;

/// <summary>
/// Who hears of an event in their personal chat (README "Who hears of what"): the agent when a ticket comes (back) to
/// them; the opener (who opened it from Teams, else iTop's caller for a ticket opened in the console) when their ticket
/// is assigned, put on hold, resolved, reopened or closed. Nobody hears of their own click; a person who is both agent
/// and opener hears once, as the agent.
/// </summary>
public sealed class PersonalNotices(TicketOpenerStore openers)
{
    public async Task<IReadOnlyList<PersonalNotice>> ForAsync(TicketEvent e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        var ticket = e.Ticket;
        var notices = new List<PersonalNotice>();
        if (ticket.AgentId is { } agent && AgentKind(e.Kind) is { } agentKind && !MadeBy(e, agent, ticket.AgentName))
        {
            notices.Add(new PersonalNotice(agent, OutboxItem.AgentRecipient, agentKind));
        }

        if (OpenerKind(e.Kind) is not { } openerKind)
        {
            return notices;
        }

        var opener = await openers.GetAsync(ticket.Id, cancellationToken).ConfigureAwait(false)
            ?? (ticket.CallerId is { } caller ? new TicketOpener(ticket.Id, caller, ticket.CallerName) : null);
        if (opener is not null && !MadeBy(e, opener.PersonId, opener.Name) && notices.All(n => n.PersonId != opener.PersonId))
        {
            notices.Add(new PersonalNotice(opener.PersonId, OutboxItem.OpenerRecipient, openerKind));
        }

        return notices;
    }

    private static NoticeKind? AgentKind(TicketEventKind kind) => kind switch
    {
        TicketEventKind.Assigned or TicketEventKind.Reassigned => NoticeKind.AssignedToMe,
        TicketEventKind.Reopened => NoticeKind.BackToMe,
        _ => null,
    };

    private static NoticeKind? OpenerKind(TicketEventKind kind) => kind switch
    {
        TicketEventKind.Assigned or TicketEventKind.Reassigned => NoticeKind.MineAssigned,
        TicketEventKind.Pending => NoticeKind.MinePending,
        TicketEventKind.Resolved => NoticeKind.MineResolved,
        TicketEventKind.Reopened => NoticeKind.MineReopened,
        TicketEventKind.Closed => NoticeKind.MineClosed,
        _ => null,
    };

    /// <summary>
    /// The change was made from Teams by that person: their iTop id when the bot recorded the write, else their name (a
    /// console change names nobody: everyone concerned hears of it).
    /// </summary>
    private static bool MadeBy(TicketEvent e, int personId, string? name) =>
        e.ActorId is { } actorId ? actorId == personId
            : e.Actor is { Length: > 0 } actor && string.Equals(actor, name, StringComparison.OrdinalIgnoreCase);
}
