namespace ChatOpsBot.Tickets.Catalog;

/// <summary>A service of a brique: iTop's Service. <paramref name="Status"/> is iTop's code (production, implementation, obsolete).</summary>
public sealed record CatalogService(int Id, string Name, int BriqueId, int ProviderOrgId, string Status, string Description)
{
    /// <summary>iTop's filters exclude obsolete services.</summary>
    public bool IsObsolete => string.Equals(Status, "obsolete", StringComparison.Ordinal);
}
