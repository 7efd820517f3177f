using System.Globalization;
using ChatOpsBot.Bot.Digest;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Notifications;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Notifications.Digest;

/// <summary>
/// What a digest covers, from the bot's cached reference data (no iTop query when warm): a channel follows the same
/// tickets as its notifications (brique → its services; team → its queue and the briques it serves; school); a person
/// their own tickets (asked or assigned), their teams' queues and, for a school's support, the school's.
/// </summary>
public sealed class DigestScopes(SubscriptionStore subscriptions, DeskDirectory directory, ITicketDesk desk, IOptions<RolesOptions> roles)
{
    public async Task<(TicketFollow Follow, string Scope)> ResolveAsync(DigestTarget target, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var catalog = await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        if (target.PersonId is { } personId)
        {
            var teams = await directory.GetTeamsAsync(cancellationToken).ConfigureAwait(false);
            var mine = teams.Where(t => t.HasMember(personId)).ToList();
            var person = await desk.GetPersonAsync(personId, cancellationToken).ConfigureAwait(false);
            var support = person is null ? [] : RoleResolver.Resolve(person, [], teams, catalog.Organizations, roles.Value).SupportOrgIds;
            return (new TicketFollow { PersonIds = [personId], TeamIds = mine.Select(t => t.Id).ToList(), OrgIds = support },
                BotText.Format("Digest_PersonalScope", culture, target.PersonName ?? person?.FullName ?? ""));
        }

        var services = new List<int>();
        var teamIds = new List<int>();
        var orgs = new List<int>();
        var names = new List<string>();
        foreach (var s in await subscriptions.ListByConversationAsync(target.ConversationId, cancellationToken).ConfigureAwait(false))
        {
            names.Add(SubscriptionCommands.KindText(s.Kind, culture) + " « " + s.TargetName + " »");
            switch (s.Kind)
            {
                case SubscriptionKind.Brique:
                    services.AddRange(catalog.Services.Where(x => x.BriqueId == s.TargetId).Select(x => x.Id));
                    break;
                case SubscriptionKind.Team:
                    teamIds.Add(s.TargetId);
                    var served = roles.Value.BriqueTeams.Where(p => p.Value.Contains(s.TargetName, StringComparer.OrdinalIgnoreCase)).Select(p => p.Key);
                    services.AddRange(catalog.Briques.Where(b => served.Contains(b.Name, StringComparer.OrdinalIgnoreCase))
                        .SelectMany(b => catalog.ServicesOf(b)).Select(x => x.Id));
                    break;
                default:
                    orgs.Add(s.TargetId);
                    break;
            }
        }

        return (new TicketFollow { ServiceIds = services.Distinct().ToList(), TeamIds = teamIds, OrgIds = orgs }, string.Join(", ", names));
    }
}
