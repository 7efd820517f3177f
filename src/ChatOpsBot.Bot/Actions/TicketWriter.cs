using System.Globalization;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Rights;
using ChatOpsBot.Cards;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Bot.Actions;

/// <summary>Checks an action's inputs against iTop's current data, then makes the write(s) in the actor's name.</summary>
public sealed class TicketWriter(ITicketDesk desk, DeskDirectory directory)
{
    public async Task<WriteOutcome> ApplyAsync(
        TicketAction action,
        CardActionInput input,
        Ticket ticket,
        BotUser user,
        string? brique,
        CultureInfo culture,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(user);
        var errors = new Dictionary<string, string>();
        var key = TicketKey.FromId(ticket.Id);
        var actor = user.Actor;
        switch (action)
        {
            case TicketAction.Assign:
            {
                var teams = await directory.GetTeamsAsync(cancellationToken).ConfigureAwait(false);
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

                return errors.Count > 0
                    ? WriteOutcome.Invalid(errors)
                    : WriteOutcome.Done(await desk.AssignAsync(key, team!.Id, agentId, actor, cancellationToken).ConfigureAwait(false));
            }

            case TicketAction.Pending:
            {
                var reason = input.Get(CardInputIds.PendingReason);
                if (reason is null)
                {
                    errors[CardInputIds.PendingReason] = BotText.Get("Error_Required", culture);
                    return WriteOutcome.Invalid(errors);
                }

                return WriteOutcome.Done(await desk.SetPendingAsync(key, reason, actor, cancellationToken).ConfigureAwait(false));
            }

            case TicketAction.Reassign:
            {
                var teams = await directory.GetTeamsAsync(cancellationToken).ConfigureAwait(false);
                var team = ticket.TeamId is { } tid ? teams.FirstOrDefault(x => x.Id == tid) : null;
                var agentId = input.GetInt(CardInputIds.ReassignAgent);
                if (agentId is null || team is null || !team.HasMember(agentId.Value))
                {
                    errors[CardInputIds.ReassignAgent] = BotText.Get("Error_AgentNotInTeam", culture);
                    return WriteOutcome.Invalid(errors);
                }

                var updated = await desk.ReassignAsync(key, team.Id, agentId, actor, cancellationToken).ConfigureAwait(false);
                if (input.Get(CardInputIds.ReassignNote) is { } note)
                {
                    updated = await desk.AddLogEntryAsync(key, note, isPublic: false, actor, cancellationToken).ConfigureAwait(false);
                }

                return WriteOutcome.Done(updated);
            }

            case TicketAction.Resolve:
            {
                var catalog = await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
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

                return errors.Count > 0
                    ? WriteOutcome.Invalid(errors)
                    : WriteOutcome.Done(await desk.ResolveAsync(key, solution!, serviceId, subServiceId, actor, cancellationToken).ConfigureAwait(false));
            }

            case TicketAction.Reopen:
                return WriteOutcome.Done(await desk.ReopenAsync(key, actor, cancellationToken).ConfigureAwait(false));

            case TicketAction.Close:
                return WriteOutcome.Done(await desk.CloseAsync(key, actor, cancellationToken).ConfigureAwait(false));

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

                return errors.Count > 0
                    ? WriteOutcome.Invalid(errors)
                    : WriteOutcome.Done(await desk.AddLogEntryAsync(key, text!, isPublic, actor, cancellationToken).ConfigureAwait(false));
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }
}
