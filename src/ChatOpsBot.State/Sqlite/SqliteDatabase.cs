using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using ChatOpsBot.State.Internal;

namespace ChatOpsBot.State.Sqlite;

/// <summary>
/// One SQLite file: connections (pooled, WAL, busy timeout), the schema migrated at first use, and an
/// in-process write gate so concurrent writers queue asynchronously instead of spinning on SQLITE_BUSY.
/// Other processes on the same file are handled by SQLite's busy timeout.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private const int BusyTimeoutMs = 10_000;

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly InitializeOnce _schema;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public SqliteDatabase(string connectionString, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString);
        ConnectionString = builder.ToString();
        DataSource = builder.DataSource;
        IsFile = !string.IsNullOrEmpty(DataSource)
            && builder.Mode != SqliteOpenMode.Memory
            && !string.Equals(DataSource, ":memory:", StringComparison.Ordinal)
            && !DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
        _timeProvider = timeProvider;
        _logger = logger;
        _schema = new InitializeOnce(MigrateAsync);
    }

    public string ConnectionString { get; }

    public string DataSource { get; }

    private bool IsFile { get; }

    public async Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Open();
        return read(connection);
    }

    public async Task<T> WriteAsync<T>(Func<SqliteConnection, T> write, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = Open();
            return write(connection);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public void Dispose()
    {
        _writeGate.Dispose();
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMs}; PRAGMA synchronous = NORMAL;";
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private Task MigrateAsync()
    {
        if (IsFile)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        using var connection = Open();
        using (var wal = connection.CreateCommand())
        {
            // Persistent in the file; readers and one writer then work side by side, across processes too.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }

        // BEGIN IMMEDIATE takes the write lock first, so two processes migrating together queue up.
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS state_schema_version (
                version INTEGER NOT NULL PRIMARY KEY,
                applied_at INTEGER NOT NULL
            );
            SELECT COALESCE(MAX(version), 0) FROM state_schema_version;
            """;
        var current = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (version, sql) in SqliteMigrations.All.Where(m => m.Version > current))
        {
            command.Parameters.Clear();
            command.CommandText = sql;
            command.ExecuteNonQuery();
            command.CommandText = "INSERT INTO state_schema_version (version, applied_at) VALUES ($version, $now);";
            command.Parameters.AddWithValue("$version", version);
            command.Parameters.AddWithValue("$now", StateArguments.ToUnixMs(_timeProvider.GetUtcNow()));
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        if (current < SqliteMigrations.LatestVersion)
        {
            Log.SchemaMigrated(_logger, "Sqlite", current, SqliteMigrations.LatestVersion);
        }

        return Task.CompletedTask;
    }
}
