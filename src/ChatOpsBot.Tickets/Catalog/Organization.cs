namespace ChatOpsBot.Tickets.Catalog;

/// <summary>An iTop Organization (a school, or the Groupe INSA provider).</summary>
public sealed record Organization(int Id, string Name, string Code, int? ParentId);
