using ChatOpsBot.State.Internal;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ChatOpsBot.State.Postgres;

/// <summary>A PostgreSQL data source whose schema is migrated at first use under an advisory lock.</summary>
internal sealed class PostgresDatabase
{
    private readonly InitializeOnce _schema;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public PostgresDatabase(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        DataSource = dataSource;
        _timeProvider = timeProvider;
        _logger = logger;
        _schema = new InitializeOnce(MigrateAsync);
    }

    public NpgsqlDataSource DataSource { get; }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task MigrateAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };

        // Held until commit: two instances starting together migrate one after the other.
        command.CommandText = "SELECT pg_advisory_xact_lock(@lock);";
        command.Parameters.AddWithValue("lock", PostgresMigrations.LockKey);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);

        command.Parameters.Clear();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS state_schema_version (version integer NOT NULL PRIMARY KEY, applied_at bigint NOT NULL);
            SELECT COALESCE(MAX(version), 0) FROM state_schema_version;
            """;
        var current = Convert.ToInt32(await command.ExecuteScalarAsync().ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (version, sql) in PostgresMigrations.All.Where(m => m.Version > current))
        {
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            command.CommandText = "INSERT INTO state_schema_version (version, applied_at) VALUES (@version, @now);";
            command.Parameters.AddWithValue("version", version);
            command.Parameters.AddWithValue("now", StateArguments.ToUnixMs(_timeProvider.GetUtcNow()));
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            command.Parameters.Clear();
        }

        await transaction.CommitAsync().ConfigureAwait(false);
        if (current < PostgresMigrations.LatestVersion)
        {
            Log.SchemaMigrated(_logger, "Postgres", current, PostgresMigrations.LatestVersion);
        }
    }
}
