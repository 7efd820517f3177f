using System.Text.Json.Nodes;

namespace ChatOpsBot.ItopSandbox.Storage;

/// <summary>One object of the seed.</summary>
internal sealed class SeedObject
{
    public string Class { get; set; } = string.Empty;

    public long Id { get; set; }

    /// <summary>Parent class when the class is not known to the sandbox (e.g. Person → Contact).</summary>
    public string? Parent { get; set; }

    public JsonObject Fields { get; set; } = [];
}
