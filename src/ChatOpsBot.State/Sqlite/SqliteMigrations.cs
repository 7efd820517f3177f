namespace ChatOpsBot.State.Sqlite;

/// <summary>Schema steps, applied in order; append a new version, never edit a shipped one.</summary>
internal static class SqliteMigrations
{
    public static readonly IReadOnlyList<(int Version, string Sql)> All =
    [
        (1, """
            CREATE TABLE state_entries (
                key TEXT NOT NULL PRIMARY KEY,
                value TEXT NOT NULL,
                etag TEXT NOT NULL,
                expires_at INTEGER NULL
            );
            CREATE INDEX ix_state_entries_expires_at ON state_entries (expires_at) WHERE expires_at IS NOT NULL;
            CREATE TABLE state_leases (
                name TEXT NOT NULL PRIMARY KEY,
                holder TEXT NOT NULL,
                token TEXT NOT NULL,
                generation INTEGER NOT NULL,
                expires_at INTEGER NOT NULL
            );
            """),
    ];

    public static int LatestVersion => All[^1].Version;
}
