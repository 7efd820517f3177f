namespace ChatOpsBot.State.Internal;

/// <summary>
/// The statements both providers run (SQLite and PostgreSQL accept the same upsert syntax and @parameters).
/// Each is a single atomic statement: the compare-and-swap happens inside the database.
/// </summary>
internal static class StateSql
{
    private const string Live = "(expires_at IS NULL OR expires_at > @now)";

    public const string Get = $"SELECT key, value, etag, expires_at FROM state_entries WHERE key = @key AND {Live};";

    /// <summary>Create only if absent; an expired row is absent, so it may be replaced.</summary>
    public const string Create = """
        INSERT INTO state_entries (key, value, etag, expires_at) VALUES (@key, @value, @etag, @expires)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, expires_at = excluded.expires_at
        WHERE state_entries.expires_at IS NOT NULL AND state_entries.expires_at <= @now;
        """;

    public const string Upsert = """
        INSERT INTO state_entries (key, value, etag, expires_at) VALUES (@key, @value, @etag, @expires)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, expires_at = excluded.expires_at;
        """;

    public const string Replace = $"""
        UPDATE state_entries SET value = @value, etag = @etag, expires_at = @expires
        WHERE key = @key AND etag = @expected AND {Live};
        """;

    public const string Delete = "DELETE FROM state_entries WHERE key = @key RETURNING expires_at;";

    public const string DeleteIfMatch = "DELETE FROM state_entries WHERE key = @key AND etag = @expected RETURNING expires_at;";

    public const string ListFrom = $"SELECT key, value, etag, expires_at FROM state_entries WHERE key >= @prefix AND {Live} ORDER BY key LIMIT @limit;";

    public const string ListRange = $"SELECT key, value, etag, expires_at FROM state_entries WHERE key >= @prefix AND key < @upper AND {Live} ORDER BY key LIMIT @limit;";

    public const string PurgeExpired = """
        DELETE FROM state_entries WHERE key IN (
            SELECT key FROM state_entries WHERE expires_at IS NOT NULL AND expires_at <= @now LIMIT @batch);
        """;

    /// <summary>Takes the lease when free or expired; returns the new generation, or no row.</summary>
    public const string AcquireLease = """
        INSERT INTO state_leases (name, holder, token, generation, expires_at) VALUES (@name, @holder, @token, 1, @expires)
        ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, token = excluded.token,
            generation = state_leases.generation + 1, expires_at = excluded.expires_at
        WHERE state_leases.expires_at <= @now
        RETURNING generation;
        """;

    /// <summary>Only a takeover changes the token: holding it means nobody else has had the lease since.</summary>
    public const string RenewLease = "UPDATE state_leases SET expires_at = @expires WHERE name = @name AND token = @token;";

    /// <summary>Keeps the row (and its generation) but makes it free at once.</summary>
    public const string ReleaseLease = "UPDATE state_leases SET expires_at = 0, token = '' WHERE name = @name AND token = @token;";

    public static string PutFor(string? expectedETag) => expectedETag switch
    {
        null => Create,
        StateETag.Any => Upsert,
        _ => Replace,
    };
}
