using System.Globalization;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Rights;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Cards;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Catalog;
using ChatOpsBot.Tickets.Lifecycle;
using ChatOpsBot.Tickets.People;
using ChatOpsBot.Tickets.Rights;
using ChatOpsBot.Tickets.Rules;
using TicketAction = ChatOpsBot.Cards.ViewModels.TicketAction;

namespace ChatOpsBot.Bot.Actions;

/// <summary>
/// Turns an action's inputs into the one write that carries them (a reassign and its note, a pending and its reason, a
/// resolve and its solution are one stimulus each), judged by the domain on the ticket as iTop has it now
/// (<see cref="Ticket"/>'s <c>Check…</c>): the violations of a field the action's form has are shown under its input, any
/// other is the card's banner (<see cref="TicketRuleException"/>). Nothing is sent from here.
/// </summary>
public static class TicketWriter
{
    /// <summary>Where each action's form shows the domain's violations (an action without a form shows them as the banner).</summary>
    public static IReadOnlyDictionary<TicketAction, FormFields> Forms { get; } = new Dictionary<TicketAction, FormFields>
    {
        [TicketAction.Assign] = new FormFields()
            .Map(TicketField.Team, CardInputIds.AssignTeam)
            .Map(TicketField.Agent, CardInputIds.AssignAgent),
        [TicketAction.Reassign] = new FormFields()
            .Map(TicketField.Team, CardInputIds.ReassignAgent, "Error_AgentNotInTeam")
            .Map(TicketField.Agent, CardInputIds.ReassignAgent),
        [TicketAction.Pending] = new FormFields().Map(TicketField.Reason, CardInputIds.PendingReason),
        [TicketAction.Resolve] = new FormFields()
            .Map(TicketField.Service, CardInputIds.ResolveService)
            .Map(TicketField.SubService, CardInputIds.ResolveSubService)
            .Map(TicketField.Solution, CardInputIds.ResolveSolution),
        [TicketAction.Reopen] = new FormFields().Map(TicketField.Reason, CardInputIds.ReopenReason),
        [TicketAction.Comment] = new FormFields()
            .Map(TicketField.Comment, CardInputIds.CommentText)
            .Map(TicketField.LogVisibility, CardInputIds.CommentPublic),
    };

    public static PlannedWrite Plan(
        TicketAction action,
        CardActionInput input,
        Ticket ticket,
        BotUser user,
        string? brique,
        ServiceCatalog catalog,
        IReadOnlyList<Team> teams,
        CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(teams);
        var (write, violations) = action switch
        {
            TicketAction.Assign => Judge(ticket.CheckAssign(TeamOf(input.GetInt(CardInputIds.AssignTeam), teams), input.GetInt(CardInputIds.AssignAgent))),

            // The same team and agent as before the hold; the domain refuses (a rule, shown as the banner) if either is gone.
            TicketAction.Resume => Judge(ticket.CheckAssign(TeamOf(ticket.TeamId, teams), ticket.AgentId)),
            TicketAction.TakeIt => Judge(ticket.CheckReassign(TeamOf(ticket.TeamId, teams), user.Person.Id)),
            TicketAction.Pending => Judge(ticket.CheckSetPending(input.Get(CardInputIds.PendingReason))),
            TicketAction.Reassign => Judge(ticket.CheckReassign(TeamOf(ticket.TeamId, teams), input.GetInt(CardInputIds.ReassignAgent), input.Get(CardInputIds.ReassignNote))),
            TicketAction.Resolve => Judge(ticket.CheckResolve(
                input.Get(CardInputIds.ResolveSolution),
                catalog,
                input.GetInt(CardInputIds.ResolveService) ?? ticket.ServiceId,
                input.GetInt(CardInputIds.ResolveSubService))),
            TicketAction.Reopen => Judge(ticket.CheckReopen(input.Get(CardInputIds.ReopenReason))),
            TicketAction.Close => Judge(ticket.CheckClose()),
            TicketAction.Comment => Comment(input, ticket, user, brique),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
        if (violations.Count == 0)
        {
            return PlannedWrite.Of(write!);
        }

        var errors = new Dictionary<string, string>();
        return Forms.TryGetValue(action, out var form) && form.AddErrors(errors, violations, culture)
            ? PlannedWrite.Invalid(errors)
            : throw violations[0].ToException();
    }

    private static (TicketWrite? Write, IReadOnlyList<TicketViolation> Violations) Comment(CardActionInput input, Ticket ticket, BotUser user, string? brique)
    {
        var isPublic = input.Get(CardInputIds.CommentPublic) is null || input.GetBool(CardInputIds.CommentPublic);
        var (write, violations) = Judge(ticket.CheckComment(input.Get(CardInputIds.CommentText), isPublic));
        var refused = TicketRights.CheckComment(user.Roles, ticket, brique, isPublic);
        return refused.Count == 0 ? (write, violations) : (null, [.. violations, .. refused]);
    }

    private static (TicketWrite? Write, IReadOnlyList<TicketViolation> Violations) Judge<T>(TicketVerdict<T> verdict)
        where T : TicketWrite => (verdict.Value, verdict.Violations);

    private static Team? TeamOf(int? teamId, IReadOnlyList<Team> teams) =>
        teamId is { } id ? teams.FirstOrDefault(t => t.Id == id) : null;
}
