using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ChatOpsBot.Itop.Caching;
using ChatOpsBot.Itop.Rest;
using ChatOpsBot.Tickets.Catalog;
using ChatOpsBot.Tickets.People;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Itop.Desk;

/// <summary>
/// Catalog, teams and people, cached for <see cref="ItopOptions.CacheTtl"/>: the bot's only cache of them. The catalog
/// and the teams are loaded at start-up and refreshed before they expire (<see cref="ItopReferenceWarmer"/>), so no user
/// waits for them; a warm desk reads none of them to open a ticket.
/// </summary>
public sealed class ItopReferenceData : IDisposable
{
    private readonly ItopClient _client;
    private readonly TimeProvider _time;
    private readonly TimeSpan _ttl;
    private readonly ILogger<ItopReferenceData> _logger;
    private readonly TtlCache<ServiceCatalog> _catalog;
    private readonly TtlCache<IReadOnlyList<Team>> _teams;
    private readonly ConcurrentDictionary<string, (Person? Person, long At)> _people = new(StringComparer.OrdinalIgnoreCase);

    public ItopReferenceData(ItopClient client, TimeProvider time, IOptions<ItopOptions> options, ILogger<ItopReferenceData> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _time = time;
        _ttl = options.Value.CacheTtl;
        _logger = logger;
        _catalog = new TtlCache<ServiceCatalog>(time, _ttl);
        _teams = new TtlCache<IReadOnlyList<Team>>(time, _ttl);
    }

    /// <summary>Five reads when cold (ServiceFamily, Service, ServiceSubcategory, CustomerContract, Organization), none when warm.</summary>
    public Task<ServiceCatalog> GetCatalogAsync(CancellationToken cancellationToken) => _catalog.GetAsync(LoadCatalogAsync, cancellationToken);

    /// <summary>One read (all teams with their members) when cold.</summary>
    public Task<IReadOnlyList<Team>> GetTeamsAsync(CancellationToken cancellationToken) => _teams.GetAsync(LoadTeamsAsync, cancellationToken);

    /// <summary>Loads the catalog and the teams again (six reads) while the current ones are still served.</summary>
    public Task RefreshAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_catalog.RefreshAsync(LoadCatalogAsync, cancellationToken), _teams.RefreshAsync(LoadTeamsAsync, cancellationToken));

    public Task<Person?> FindPersonByEmailAsync(string email, CancellationToken cancellationToken) =>
        CachedPersonAsync("email:" + email.Trim(), new JsonObject { ["email"] = email.Trim() }, cancellationToken);

    public Task<Person?> GetPersonAsync(int id, CancellationToken cancellationToken) =>
        CachedPersonAsync("id:" + ItopClient.Invariant(id), JsonValue.Create(id), cancellationToken);

    public void Invalidate()
    {
        _catalog.Invalidate();
        _teams.Invalidate();
        _people.Clear();
    }

    public void Dispose()
    {
        _catalog.Dispose();
        _teams.Dispose();
    }

    private async Task<Person?> CachedPersonAsync(string cacheKey, JsonNode key, CancellationToken cancellationToken)
    {
        if (_people.TryGetValue(cacheKey, out var hit) && _time.GetElapsedTime(hit.At) < _ttl)
        {
            return hit.Person;
        }

        var envelope = await _client.GetAsync("Person", key, ItopFields.Person, null, null, cancellationToken).ConfigureAwait(false);
        var person = envelope.Objects.Count == 1 ? ItopMapper.ToPerson(envelope.Objects[0]) : null;
        var now = _time.GetTimestamp();
        _people[cacheKey] = (person, now);
        if (person is not null)
        {
            _people["id:" + ItopClient.Invariant(person.Id)] = (person, now);
            _people["email:" + person.Email] = (person, now);
        }

        return person;
    }

    private async Task<ServiceCatalog> LoadCatalogAsync(CancellationToken cancellationToken)
    {
        var briques = GetAllAsync("ServiceFamily", ItopFields.Brique, cancellationToken);
        var services = GetAllAsync("Service", ItopFields.Service, cancellationToken);
        var subs = GetAllAsync("ServiceSubcategory", ItopFields.SubService, cancellationToken);
        var contracts = GetAllAsync("CustomerContract", ItopFields.Contract, cancellationToken);
        var orgs = GetAllAsync("Organization", ItopFields.Organization, cancellationToken);
        await Task.WhenAll(briques, services, subs, contracts, orgs).ConfigureAwait(false);
        var catalog = new ServiceCatalog(
            (await briques.ConfigureAwait(false)).Select(ItopMapper.ToBrique).OrderBy(b => b.Name, StringComparer.Ordinal).ToList(),
            (await services.ConfigureAwait(false)).Select(ItopMapper.ToService).OrderBy(s => s.Name, StringComparer.Ordinal).ToList(),
            (await subs.ConfigureAwait(false)).Select(ItopMapper.ToSubService).OrderBy(s => s.Name, StringComparer.Ordinal).ToList(),
            (await contracts.ConfigureAwait(false)).Select(ItopMapper.ToContract).ToList(),
            (await orgs.ConfigureAwait(false)).Select(ItopMapper.ToOrganization).OrderBy(o => o.Name, StringComparer.Ordinal).ToList());
        Log.ReferenceLoaded(_logger, "catalog", catalog.Services.Count);
        return catalog;
    }

    private async Task<IReadOnlyList<Team>> LoadTeamsAsync(CancellationToken cancellationToken)
    {
        var teams = (await GetAllAsync("Team", ItopFields.Team, cancellationToken).ConfigureAwait(false))
            .Select(ItopMapper.ToTeam).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        Log.ReferenceLoaded(_logger, "teams", teams.Count);
        return teams;
    }

    private async Task<IReadOnlyList<ItopObject>> GetAllAsync(string @class, string fields, CancellationToken cancellationToken) =>
        (await _client.GetAsync(@class, "SELECT " + Oql.OqlQuery.Identifier(@class), fields, null, null, cancellationToken).ConfigureAwait(false)).Objects;
}
