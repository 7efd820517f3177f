namespace ChatOpsBot.Tickets.Catalog;

/// <summary>The whole catalog: briques › services › sub-services, plus the contracts that say who may use what.</summary>
public sealed class ServiceCatalog
{
    public ServiceCatalog(
        IReadOnlyList<Brique> briques,
        IReadOnlyList<CatalogService> services,
        IReadOnlyList<SubService> subServices,
        IReadOnlyList<Contract> contracts,
        IReadOnlyList<Organization> organizations)
    {
        Briques = briques;
        Services = services;
        SubServices = subServices;
        Contracts = contracts;
        Organizations = organizations;
    }

    public IReadOnlyList<Brique> Briques { get; }

    public IReadOnlyList<CatalogService> Services { get; }

    public IReadOnlyList<SubService> SubServices { get; }

    public IReadOnlyList<Contract> Contracts { get; }

    public IReadOnlyList<Organization> Organizations { get; }

    public CatalogService? FindService(int id) => Services.FirstOrDefault(s => s.Id == id);

    public SubService? FindSubService(int id) => SubServices.FirstOrDefault(s => s.Id == id);

    /// <summary>The brique a service belongs to (a ticket only carries service and sub-service).</summary>
    public Brique? FindBriqueOf(int serviceId) => FindService(serviceId) is { } s ? Briques.FirstOrDefault(b => b.Id == s.BriqueId) : null;

    public IEnumerable<CatalogService> ServicesOf(Brique brique) => Services.Where(s => s.BriqueId == brique.Id);

    /// <summary>The sub-services selectable on a UserRequest for a service (iTop's servicesubcategory_id filter).</summary>
    public IEnumerable<SubService> SelectableSubServicesOf(int serviceId) =>
        SubServices.Where(s => s.ServiceId == serviceId && s.IsServiceRequest && !s.IsObsolete);

    /// <summary>True when a contract of the organisation covers the service and the service is not obsolete (iTop's service_id filter).</summary>
    public bool IsCovered(int orgId, int serviceId) =>
        FindService(serviceId) is { IsObsolete: false } &&
        Contracts.Any(c => c.OrgId == orgId && c.ServiceIds.Contains(serviceId));

    /// <summary>The services an organisation may ask for.</summary>
    public IEnumerable<CatalogService> ServicesFor(int orgId) => Services.Where(s => IsCovered(orgId, s.Id));
}
