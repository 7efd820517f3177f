using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Catalog;
using ChatOpsBot.Tickets.People;
using Microsoft.Extensions.Caching.Memory;

namespace ChatOpsBot.Bot.Identity;

/// <summary>The catalog and the teams, read from iTop and kept a minute: forms and cards need them on every turn.</summary>
public sealed class DeskDirectory(ITicketDesk desk, IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public Task<ServiceCatalog> GetCatalogAsync(CancellationToken cancellationToken) =>
        GetAsync("desk:catalog", desk.GetCatalogAsync, cancellationToken);

    public Task<IReadOnlyList<Team>> GetTeamsAsync(CancellationToken cancellationToken) =>
        GetAsync("desk:teams", desk.GetTeamsAsync, cancellationToken);

    /// <summary>The brique of a service, by name.</summary>
    public static string? BriqueOf(ServiceCatalog catalog, int? serviceId)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return serviceId is { } id && catalog.FindService(id) is { } service
            ? catalog.Briques.FirstOrDefault(b => b.Id == service.BriqueId)?.Name
            : null;
    }

    private async Task<T> GetAsync<T>(string key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
        where T : class
    {
        if (cache.TryGetValue(key, out T? value) && value is not null)
        {
            return value;
        }

        value = await load(cancellationToken).ConfigureAwait(false);
        cache.Set(key, value, Lifetime);
        return value;
    }
}
