using System.Globalization;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Rights;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Cards;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Catalog;
using ChatOpsBot.Tickets.People;

namespace ChatOpsBot.Bot.Actions;

/// <summary>
/// Checks an action's inputs against the ticket as iTop has it now and turns them into the one write that carries
/// them (a reassign and its note, a pending and its reason, a resolve and its solution are one stimulus each). The
/// domain's rules run here too (<see cref="Tickets.Rules.TicketRuleException"/>). Nothing is sent from here.
/// </summary>
public static class TicketWriter
{
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
        var errors = new Dictionary<string, string>();
        switch (action)
        {
            case TicketAction.Assign:
            {
                var teamId = input.GetInt(CardInputIds.AssignTeam);
                var agentId = input.GetInt(CardInputIds.AssignAgent);
                var team = teamId is { } t ? teams.FirstOrDefault(x => x.Id == t) : null;
                if (team is null)
                {
                    errors[CardInputIds.AssignTeam] = BotText.Get("Error_TeamRequired", culture);
                }
                else if (agentId is null || !team.HasMember(agentId.Value))
                {
                    errors[CardInputIds.AssignAgent] = BotText.Get("Error_AgentNotInTeam", culture);
                }

                return errors.Count > 0 ? PlannedWrite.Invalid(errors) : PlannedWrite.Of(ticket.Assign(team, agentId));
            }

            case TicketAction.Resume:
                // The same team and agent as before the hold; Ticket.Assign refuses (a rule, shown as the banner) if either is gone.
                return PlannedWrite.Of(ticket.Assign(TeamOf(ticket, teams), ticket.AgentId));

            case TicketAction.TakeIt:
                return PlannedWrite.Of(ticket.Reassign(TeamOf(ticket, teams), user.Person.Id));

            case TicketAction.Pending:
            {
                if (input.Get(CardInputIds.PendingReason) is not { } reason)
                {
                    errors[CardInputIds.PendingReason] = BotText.Get("Error_Required", culture);
                    return PlannedWrite.Invalid(errors);
                }

                return PlannedWrite.Of(ticket.SetPending(reason));
            }

            case TicketAction.Reassign:
            {
                var team = TeamOf(ticket, teams);
                var agentId = input.GetInt(CardInputIds.ReassignAgent);
                if (agentId is null || team is null || !team.HasMember(agentId.Value))
                {
                    errors[CardInputIds.ReassignAgent] = BotText.Get("Error_AgentNotInTeam", culture);
                    return PlannedWrite.Invalid(errors);
                }

                return PlannedWrite.Of(ticket.Reassign(team, agentId, input.Get(CardInputIds.ReassignNote)));
            }

            case TicketAction.Resolve:
            {
                var serviceId = input.GetInt(CardInputIds.ResolveService) ?? ticket.ServiceId;
                var subServiceId = input.GetInt(CardInputIds.ResolveSubService);
                var solution = input.Get(CardInputIds.ResolveSolution);
                if (serviceId is null || !catalog.IsCovered(ticket.OrgId, serviceId.Value))
                {
                    errors[CardInputIds.ResolveService] = BotText.Get("Error_ServiceRequired", culture);
                }
                else if (subServiceId is { } sub && !catalog.SelectableSubServicesOf(serviceId.Value).Any(s => s.Id == sub))
                {
                    errors[CardInputIds.ResolveSubService] = BotText.Get("Error_SubServiceOfOtherService", culture);
                }

                if (solution is null)
                {
                    errors[CardInputIds.ResolveSolution] = BotText.Get("Error_Required", culture);
                }

                return errors.Count > 0 ? PlannedWrite.Invalid(errors) : PlannedWrite.Of(ticket.Resolve(solution, catalog, serviceId, subServiceId));
            }

            case TicketAction.Reopen:
            {
                if (input.Get(CardInputIds.ReopenReason) is not { } reason)
                {
                    errors[CardInputIds.ReopenReason] = BotText.Get("Error_Required", culture);
                    return PlannedWrite.Invalid(errors);
                }

                return PlannedWrite.Of(ticket.Reopen(reason));
            }

            case TicketAction.Close:
                return PlannedWrite.Of(ticket.Close());

            case TicketAction.Comment:
            {
                var text = input.Get(CardInputIds.CommentText);
                var isPublic = input.Get(CardInputIds.CommentPublic) is null || input.GetBool(CardInputIds.CommentPublic);
                if (text is null)
                {
                    errors[CardInputIds.CommentText] = BotText.Get("Error_Required", culture);
                }
                else if (!isPublic && !TicketRights.CanWritePrivate(user.Roles, ticket, brique))
                {
                    errors[CardInputIds.CommentPublic] = BotText.Get("Error_PrivateNotAllowed", culture);
                }

                return errors.Count > 0 ? PlannedWrite.Invalid(errors) : PlannedWrite.Of(ticket.Comment(text, isPublic));
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    private static Team? TeamOf(Ticket ticket, IReadOnlyList<Team> teams) =>
        ticket.TeamId is { } id ? teams.FirstOrDefault(t => t.Id == id) : null;
}
