using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Catalog;
using ChatOpsBot.Tickets.People;

namespace ChatOpsBot.Bot.Identity;

/// <summary>
/// The catalog and the teams, as the desk keeps them: its cache is the only one (loaded at start-up and refreshed
/// before it expires), so forms and cards read them on every turn without a call to iTop.
/// </summary>
public sealed class DeskDirectory(ITicketDesk desk)
{
    public Task<ServiceCatalog> GetCatalogAsync(CancellationToken cancellationToken) => desk.GetCatalogAsync(cancellationToken);

    public Task<IReadOnlyList<Team>> GetTeamsAsync(CancellationToken cancellationToken) => desk.GetTeamsAsync(cancellationToken);

    /// <summary>The brique of a service, by name.</summary>
    public static string? BriqueOf(ServiceCatalog catalog, int? serviceId)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return serviceId is { } id && catalog.FindService(id) is { } service
            ? catalog.Briques.FirstOrDefault(b => b.Id == service.BriqueId)?.Name
            : null;
    }
}
