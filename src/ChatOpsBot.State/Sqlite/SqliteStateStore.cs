using ChatOpsBot.State.Internal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOpsBot.State.Sqlite;

/// <summary><see cref="IStateStore"/> on a SQLite file (WAL), safe for many tasks and several processes.</summary>
public sealed class SqliteStateStore : IStateStore, IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly PurgeSchedule _purge;

    /// <summary>Opens (and at first use creates or migrates) the file named by <paramref name="connectionString"/>.</summary>
    public SqliteStateStore(string connectionString, TimeProvider timeProvider, ILogger<SqliteStateStore>? logger = null)
        : this(new SqliteDatabase(connectionString, timeProvider, (ILogger?)logger ?? NullLogger.Instance), timeProvider, logger, ownsDatabase: true)
    {
    }

    internal SqliteStateStore(SqliteDatabase database, TimeProvider timeProvider, ILogger? logger, bool ownsDatabase)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _ownsDatabase = ownsDatabase;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger.Instance;
        _purge = new PurgeSchedule(timeProvider, StateArguments.PurgeInterval);
    }

    /// <inheritdoc />
    public Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        StateArguments.Key(key);
        return _database.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = StateSql.Get;
            command.Parameters.AddWithValue("@key", key);
            command.Parameters.AddWithValue("@now", NowMs());
            using var reader = command.ExecuteReader();
            return reader.Read() ? StateArguments.ReadEntry(reader) : null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StateEntry?> PutAsync(string key, string value, string? expectedETag, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        StateArguments.Put(key, value, expectedETag, timeToLive);
        var entry = await _database.WriteAsync(connection =>
        {
            var now = _timeProvider.GetUtcNow();
            var expires = StateArguments.ExpiryMs(now, timeToLive);
            var etag = StateArguments.NewETag();
            using var command = connection.CreateCommand();
            command.CommandText = StateSql.PutFor(expectedETag);
            command.Parameters.AddWithValue("@key", key);
            command.Parameters.AddWithValue("@value", value);
            command.Parameters.AddWithValue("@etag", etag);
            command.Parameters.AddWithValue("@expires", (object?)expires ?? DBNull.Value);
            command.Parameters.AddWithValue("@now", StateArguments.ToUnixMs(now));
            command.Parameters.AddWithValue("@expected", (object?)expectedETag ?? DBNull.Value);
            return command.ExecuteNonQuery() == 1
                ? new StateEntry(key, value, etag, StateArguments.FromUnixMs(expires))
                : null;
        }, cancellationToken).ConfigureAwait(false);

        await _purge.RunIfDueAsync(PurgeExpiredAsync, _logger).ConfigureAwait(false);
        return entry;
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string key, string? expectedETag = null, CancellationToken cancellationToken = default)
    {
        StateArguments.Key(key);
        return _database.WriteAsync(connection =>
        {
            var now = NowMs();
            using var command = connection.CreateCommand();
            command.CommandText = expectedETag is null ? StateSql.Delete : StateSql.DeleteIfMatch;
            command.Parameters.AddWithValue("@key", key);
            command.Parameters.AddWithValue("@expected", (object?)expectedETag ?? DBNull.Value);
            using var reader = command.ExecuteReader();

            // An expired row is removed too, but it was already absent for callers.
            return reader.Read() && (reader.IsDBNull(0) || reader.GetInt64(0) > now);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StateEntry>> ListAsync(string prefix, int limit = 1000, CancellationToken cancellationToken = default)
    {
        StateArguments.List(prefix, limit);
        var upper = KeyRange.UpperBound(prefix);
        return _database.ReadAsync<IReadOnlyList<StateEntry>>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = upper is null ? StateSql.ListFrom : StateSql.ListRange;
            command.Parameters.AddWithValue("@prefix", prefix);
            command.Parameters.AddWithValue("@upper", (object?)upper ?? DBNull.Value);
            command.Parameters.AddWithValue("@now", NowMs());
            command.Parameters.AddWithValue("@limit", limit);
            using var reader = command.ExecuteReader();
            var entries = new List<StateEntry>();
            while (reader.Read())
            {
                entries.Add(StateArguments.ReadEntry(reader));
            }

            return entries;
        }, cancellationToken);
    }

    /// <summary>Deletes up to one batch of expired rows now; returns how many. Writes also do this every few minutes.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default) =>
        _database.WriteAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = StateSql.PurgeExpired;
            command.Parameters.AddWithValue("@now", NowMs());
            command.Parameters.AddWithValue("@batch", StateArguments.PurgeBatchSize);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsDatabase)
        {
            _database.Dispose();
        }
    }

    private long NowMs() => StateArguments.ToUnixMs(_timeProvider.GetUtcNow());
}
