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

    /// <summary>
    /// Named additions to the seed (embedded <c>Seed/Additions/{name}.json</c>), e.g. <c>c2ip</c>: the C2IP team, which the
    /// recorded iTop has not. Kept apart so that the corpus replays on the recorded seed alone.
    /// </summary>
    public IList<string> SeedAdditions { get; } = [];

    /// <summary>Clock of the sandbox (dates of tickets and case logs); null = the system clock.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// How long, at least, a call that carries a session cookie keeps its session busy (wall-clock time): a call of the
    /// same session arriving meanwhile is refused like on iTop. iTop takes tens of milliseconds per call; the sandbox
    /// needs this much for two concurrent calls sharing a cookie to overlap every time.
    /// </summary>
    public TimeSpan SessionCallDuration { get; set; } = TimeSpan.FromMilliseconds(10);
}
