namespace ChatOpsBot.ItopSandbox.Model;

/// <summary>An external key of a class: its target and the external fields it brings.</summary>
internal sealed record ExternalKey(string Code, string Label, string TargetClass, IReadOnlyDictionary<string, string> ExternalFields);
