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

    /// <summary>
    /// How long, at least, a call that carries a session cookie keeps its session busy (wall-clock time): a call of the
    /// same session arriving meanwhile is refused like on iTop. iTop takes tens of milliseconds per call; the sandbox
    /// needs this much for two concurrent calls sharing a cookie to overlap every time.
    /// </summary>
    public TimeSpan SessionCallDuration { get; set; } = TimeSpan.FromMilliseconds(10);
}
