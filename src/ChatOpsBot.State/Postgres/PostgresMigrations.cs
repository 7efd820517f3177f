namespace ChatOpsBot.State.Postgres;

/// <summary>Schema steps, applied in order; append a new version, never edit a shipped one.</summary>
internal static class PostgresMigrations
{
    /// <summary>Advisory lock key taken while migrating (any constant unique to this application).</summary>
    public const long LockKey = 0x43_68_61_74_4F_70_73_01;

    public static readonly IReadOnlyList<(int Version, string Sql)> All =
    [
        (1, """
            CREATE TABLE state_entries (
                key text COLLATE "C" NOT NULL PRIMARY KEY,
                value text NOT NULL,
                etag text NOT NULL,
                expires_at bigint NULL
            );
            CREATE INDEX ix_state_entries_expires_at ON state_entries (expires_at) WHERE expires_at IS NOT NULL;
            CREATE TABLE state_leases (
                name text NOT NULL PRIMARY KEY,
                holder text NOT NULL,
                token text NOT NULL,
                generation bigint NOT NULL,
                expires_at bigint NOT NULL
            );
            """),
    ];

    public static int LatestVersion => All[^1].Version;
}
