namespace ChatOpsBot.Tickets.Catalog;

/// <summary>A customer contract: the services an organisation may ask for.</summary>
public sealed record Contract(int Id, string Name, int OrgId, int ProviderOrgId, IReadOnlyList<int> ServiceIds);
