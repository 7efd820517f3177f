using ChatOpsBot.State.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace ChatOpsBot.State.Postgres;

/// <summary><see cref="IStateStore"/> on PostgreSQL, shared by every instance of the bot.</summary>
/// <remarks>Expiry uses the injected clock of each instance, not the server's: keep instance clocks in sync (NTP).</remarks>
public sealed class PostgresStateStore : IStateStore
{
    private readonly PostgresDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly PurgeSchedule _purge;

    /// <summary>Uses (does not own) <paramref name="dataSource"/>; the schema is created at first use.</summary>
    public PostgresStateStore(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger<PostgresStateStore>? logger = null)
        : this(new PostgresDatabase(dataSource, timeProvider, (ILogger?)logger ?? NullLogger.Instance), timeProvider, logger)
    {
    }

    internal PostgresStateStore(PostgresDatabase database, TimeProvider timeProvider, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger.Instance;
        _purge = new PurgeSchedule(timeProvider, StateArguments.PurgeInterval);
    }

    /// <inheritdoc />
    public async Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        StateArguments.Key(key);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(StateSql.Get, connection);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("now", StateArguments.ToUnixMs(_timeProvider.GetUtcNow()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? StateArguments.ReadEntry(reader) : null;
    }

    /// <inheritdoc />
    public async Task<StateEntry?> PutAsync(string key, string value, string? expectedETag, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        StateArguments.Put(key, value, expectedETag, timeToLive);
        StateEntry? entry;
        await using (var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            var now = _timeProvider.GetUtcNow();
            var expires = StateArguments.ExpiryMs(now, timeToLive);
            var etag = StateArguments.NewETag();
            await using var command = new NpgsqlCommand(StateSql.PutFor(expectedETag), connection);
            command.Parameters.AddWithValue("key", key);
            command.Parameters.AddWithValue("value", value);
            command.Parameters.AddWithValue("etag", etag);
            command.Parameters.Add(new NpgsqlParameter("expires", NpgsqlDbType.Bigint) { Value = (object?)expires ?? DBNull.Value });
            command.Parameters.AddWithValue("now", StateArguments.ToUnixMs(now));
            if (expectedETag is not null and not StateETag.Any)
            {
                command.Parameters.AddWithValue("expected", expectedETag);
            }

            entry = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1
                ? new StateEntry(key, value, etag, StateArguments.FromUnixMs(expires))
                : null;
        }

        await _purge.RunIfDueAsync(PurgeExpiredAsync, _logger).ConfigureAwait(false);
        return entry;
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string key, string? expectedETag = null, CancellationToken cancellationToken = default)
    {
        StateArguments.Key(key);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(expectedETag is null ? StateSql.Delete : StateSql.DeleteIfMatch, connection);
        command.Parameters.AddWithValue("key", key);
        if (expectedETag is not null)
        {
            command.Parameters.AddWithValue("expected", expectedETag);
        }

        var now = StateArguments.ToUnixMs(_timeProvider.GetUtcNow());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);

        // An expired row is removed too, but it was already absent for callers.
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            && (reader.IsDBNull(0) || reader.GetInt64(0) > now);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StateEntry>> ListAsync(string prefix, int limit = 1000, CancellationToken cancellationToken = default)
    {
        StateArguments.List(prefix, limit);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var upper = KeyRange.UpperBound(prefix);
        await using var command = new NpgsqlCommand(upper is null ? StateSql.ListFrom : StateSql.ListRange, connection);
        command.Parameters.AddWithValue("prefix", prefix);
        if (upper is not null)
        {
            command.Parameters.AddWithValue("upper", upper);
        }

        command.Parameters.AddWithValue("now", StateArguments.ToUnixMs(_timeProvider.GetUtcNow()));
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<StateEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(StateArguments.ReadEntry(reader));
        }

        return entries;
    }

    /// <summary>Deletes up to one batch of expired rows now; returns how many. Writes also do this every few minutes.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(StateSql.PurgeExpired, connection);
        command.Parameters.AddWithValue("now", StateArguments.ToUnixMs(_timeProvider.GetUtcNow()));
        command.Parameters.AddWithValue("batch", StateArguments.PurgeBatchSize);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
