namespace ChatOpsBot.Testing.Fuzz;

/// <summary>One malformed POST body for /api/messages: which template and mutations made it, and its bytes.</summary>
public sealed record FuzzCase(int Index, string Description, byte[] Body)
{
    public override string ToString() => $"#{Index} {Description} ({Body.Length} bytes)";
}
