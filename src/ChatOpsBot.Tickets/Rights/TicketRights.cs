using ChatOpsBot.Tickets.Lifecycle;
using ChatOpsBot.Tickets.Rules;

namespace ChatOpsBot.Tickets.Rights;

/// <summary>
/// Who may do what on a ticket in which state (the bot's README, "Rights matrix"). Always evaluated on the ticket just read
/// from iTop, never on what a card carried.
/// </summary>
public static class TicketRights
{
    private static readonly TicketAction[] Order =
    [
        TicketAction.Resume, TicketAction.Assign, TicketAction.TakeIt, TicketAction.Pending, TicketAction.Reassign, TicketAction.Resolve,
        TicketAction.Reopen, TicketAction.Close, TicketAction.Comment, TicketAction.HandToApprover, TicketAction.DecideApproval, TicketAction.Refresh,
    ];

    /// <summary>The buttons this user gets on this ticket; none once it is closed.</summary>
    /// <param name="opened">The user opened the ticket for someone of the group (the bot keeps who did).</param>
    public static IReadOnlyList<TicketAction> Allowed(UserRoles roles, int personId, Ticket ticket, string? brique, bool opened = false) =>
        ticket.Status == TicketStatus.Closed
            ? []
            : Order.Where(a => IsAllowed(a, roles, personId, ticket, brique, opened)).ToList();

    /// <param name="opened">
    /// The user opened the ticket for someone of the group (a C2IP member): they follow it as its school's
    /// support does (see it, comment, close, reopen).
    /// </param>
    public static bool IsAllowed(TicketAction action, UserRoles roles, int personId, Ticket ticket, string? brique, bool opened = false)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.Status == TicketStatus.Closed)
        {
            return false;
        }

        var desk = roles.IsGroupDesk || roles.IsAdmin;
        var handler = roles.IsMemberOf(ticket.TeamId) || roles.ServesBrique(brique);
        var support = roles.SupportsOrg(ticket.OrgId) || opened;
        return action switch
        {
            TicketAction.Assign => Can(ticket, TicketStimulus.Assign)
                && (desk || (handler && ticket.Status == TicketStatus.Pending)),
            // Back from a hold to whoever had it: iTop's ev_assign from pending (LIFECYCLE.md §3, corpus 127).
            TicketAction.Resume => ticket.Status == TicketStatus.Pending && Can(ticket, TicketStimulus.Assign) && (desk || handler),
            // An intervenant of the ticket's team takes it from a colleague (or an unassigned agent slot) in one click.
            TicketAction.TakeIt => Can(ticket, TicketStimulus.Reassign) && roles.IsMemberOf(ticket.TeamId) && ticket.AgentId != personId,
            TicketAction.Pending => Can(ticket, TicketStimulus.Pending) && (desk || handler),
            TicketAction.Reassign => Can(ticket, TicketStimulus.Reassign) && (desk || handler),
            TicketAction.Resolve => Can(ticket, TicketStimulus.Resolve) && (desk || handler),
            TicketAction.Reopen => Can(ticket, TicketStimulus.Reopen) && (desk || support),
            TicketAction.Close => Can(ticket, TicketStimulus.Close) && (desk || support),
            TicketAction.Comment => desk || handler || support,
            // Sending a new request for approval: the group desk only.
            TicketAction.HandToApprover => Can(ticket, TicketStimulus.WaitForApproval) && desk,
            // A request waiting on nobody in iTop (put there in the console, or a school without approvers): the group desk decides.
            TicketAction.DecideApproval => Can(ticket, TicketStimulus.Approve) && desk && ticket.ApproverId is null,
            TicketAction.Refresh => CanView(roles, personId, ticket, brique, opened),
            _ => false,
        };
    }

    /// <summary>Private log entries are for the group side only.</summary>
    public static bool CanWritePrivate(UserRoles roles, Ticket ticket, string? brique)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(ticket);
        return roles.IsGroupDesk || roles.IsAdmin || roles.IsMemberOf(ticket.TeamId) || roles.ServesBrique(brique);
    }

    /// <summary>The rights' violation of a case-log entry: a private one from outside the group side.</summary>
    public static IReadOnlyList<TicketViolation> CheckComment(UserRoles roles, Ticket ticket, string? brique, bool isPublic) =>
        isPublic || CanWritePrivate(roles, ticket, brique) ? [] : [new TicketViolation(TicketRuleCode.PrivateLogNotAllowed, TicketField.LogVisibility)];

    /// <summary>
    /// The private log is read by the group side only: the group desk, the ticket's team, the brique's intervenants and the
    /// ticket's agent; never by the school's support, an approver or the requester (unless they are one of those too).
    /// </summary>
    public static bool CanReadPrivate(UserRoles roles, int personId, Ticket ticket, string? brique)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(ticket);
        return CanWritePrivate(roles, ticket, brique) || (ticket.AgentId is { } agent && agent == personId);
    }

    public static bool CanView(UserRoles roles, int personId, Ticket ticket, string? brique, bool opened = false)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(ticket);
        return roles.IsGroupDesk || roles.IsAdmin || roles.IsApprover
            || roles.IsMemberOf(ticket.TeamId) || roles.ServesBrique(brique) || roles.SupportsOrg(ticket.OrgId)
            || ticket.CallerId == personId || ticket.AgentId == personId || opened;
    }

    private static bool Can(Ticket ticket, TicketStimulus stimulus) =>
        TicketLifecycle.TargetOf(ticket.Status, stimulus) is not null;
}
