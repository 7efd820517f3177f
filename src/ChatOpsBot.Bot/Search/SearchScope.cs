using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Catalog;

namespace ChatOpsBot.Bot.Search;

/// <summary>
/// Which tickets a search may return to a user: the same people as <c>TicketRights.CanView</c>, as one iTop condition.
/// The group desk, admins and approvers see every ticket; anyone else the tickets they requested or hold, those of their
/// teams, of the schools they support and of the briques their teams serve.
/// </summary>
public static class SearchScope
{
    /// <summary>Null when the user may see every ticket.</summary>
    public static TicketVisibility? Of(BotUser user, ServiceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(catalog);
        var roles = user.Roles;
        if (roles.IsGroupDesk || roles.IsAdmin || roles.IsApprover)
        {
            return null;
        }

        return new TicketVisibility(user.Person.Id)
        {
            TeamIds = roles.Teams.Select(t => t.Id).ToList(),
            OrgIds = roles.SupportOrgIds,
            ServiceIds = catalog.Briques.Where(b => roles.ServesBrique(b.Name)).SelectMany(catalog.ServicesOf).Select(s => s.Id).ToList(),
        };
    }
}
