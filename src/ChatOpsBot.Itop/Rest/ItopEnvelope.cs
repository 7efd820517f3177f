namespace ChatOpsBot.Itop.Rest;

/// <summary>A successful (code 0) reply. <see cref="Total"/> is the count of "Found: N" (all pages), when iTop gives it.</summary>
public sealed record ItopEnvelope(string? Message, IReadOnlyList<ItopObject> Objects, int? Total, bool? Authorized, IReadOnlyList<string> Operations);
