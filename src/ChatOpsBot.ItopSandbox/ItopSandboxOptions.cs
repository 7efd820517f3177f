namespace ChatOpsBot.ItopSandbox;

/// <summary>Where the sandbox keeps its data and listens.</summary>
public sealed class ItopSandboxOptions
{
    /// <summary>SQLite file; null = an in-memory database that lives as long as the <see cref="ItopSandboxHost"/>.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>Loopback port; 0 = any free port.</summary>
    public int Port { get; set; }

    /// <summary>A seed file replacing the embedded Seed/seed.json (used only when the database is empty).</summary>
    public string? SeedFile { get; set; }

    /// <summary>Clock of the sandbox (dates of tickets and case logs); null = the system clock.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
