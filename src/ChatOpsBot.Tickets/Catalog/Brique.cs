namespace ChatOpsBot.Tickets.Catalog;

/// <summary>A brique: iTop's ServiceFamily.</summary>
public sealed record Brique(int Id, string Name);
