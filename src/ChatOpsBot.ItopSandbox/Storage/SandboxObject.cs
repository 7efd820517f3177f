using System.Text.Json.Nodes;

namespace ChatOpsBot.ItopSandbox.Storage;

/// <summary>One stored iTop object: its real class, id and stored attribute values.</summary>
internal sealed record SandboxObject(string Class, long Id, JsonObject Fields);
