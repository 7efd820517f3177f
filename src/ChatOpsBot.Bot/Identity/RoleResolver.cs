using ChatOpsBot.Tickets.Catalog;
using ChatOpsBot.Tickets.People;
using ChatOpsBot.Tickets.Rights;

namespace ChatOpsBot.Bot.Identity;

/// <summary>Derives <see cref="UserRoles"/> from iTop's teams and the configuration.</summary>
public static class RoleResolver
{
    public static UserRoles Resolve(
        Person person,
        IEnumerable<string> emails,
        IReadOnlyList<Team> allTeams,
        IReadOnlyList<Organization> organizations,
        RolesOptions options)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(allTeams);
        ArgumentNullException.ThrowIfNull(organizations);
        ArgumentNullException.ThrowIfNull(options);
        var addresses = emails.Append(person.Email).Where(e => !string.IsNullOrWhiteSpace(e)).ToList();
        var teams = allTeams.Where(t => t.HasMember(person.Id)).ToList();
        var teamNames = teams.Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var briques = options.BriqueTeams
            .Where(p => p.Value.Any(teamNames.Contains))
            .Select(p => p.Key)
            .ToList();

        // iTop does not always give the team's org_id: the team's name says which school it supports.
        var supportOrgIds = organizations
            .Where(o => teamNames.Contains(options.SupportTeamPrefix + o.Name))
            .Select(o => o.Id)
            .ToList();
        if (person.OrgId > 0 && Listed(options.SchoolSupportEmails, addresses) && !supportOrgIds.Contains(person.OrgId))
        {
            supportOrgIds.Add(person.OrgId);
        }

        return new UserRoles
        {
            Teams = teams,
            Briques = briques,
            SupportOrgIds = supportOrgIds,
            InTicketTeam = teams.Any(t => !organizations.Any(o => string.Equals(t.Name, options.SupportTeamPrefix + o.Name, StringComparison.OrdinalIgnoreCase))),
            IsGroupDesk = options.GroupDeskTeams.Any(teamNames.Contains) || Listed(options.GroupDeskEmails, addresses),
            IsApprover = Listed(options.ApproverEmails, addresses),
            IsGroupOpener = !string.IsNullOrWhiteSpace(options.GroupOpenerTeam) && teamNames.Contains(options.GroupOpenerTeam.Trim()),
            IsAdmin = Listed(options.AdminEmails, addresses),
        };
    }

    private static bool Listed(List<string> configured, List<string> addresses) =>
        configured.Any(c => addresses.Contains(c.Trim(), StringComparer.OrdinalIgnoreCase));
}
