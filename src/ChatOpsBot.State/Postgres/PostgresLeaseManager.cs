using ChatOpsBot.State.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ChatOpsBot.State.Postgres;

/// <summary>
/// <see cref="ILeaseManager"/> on a PostgreSQL lease row (holder, token, expiry) changed by single atomic
/// statements; unlike a session advisory lock, it survives connection drops and works through poolers.
/// </summary>
public sealed class PostgresLeaseManager : ILeaseManager, ILeaseBackend
{
    private readonly PostgresDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Uses (does not own) <paramref name="dataSource"/>; holds leases as <paramref name="holderId"/> (default: this process).</summary>
    public PostgresLeaseManager(NpgsqlDataSource dataSource, TimeProvider timeProvider, string? holderId = null, ILogger<PostgresLeaseManager>? logger = null)
        : this(new PostgresDatabase(dataSource, timeProvider, (ILogger?)logger ?? NullLogger.Instance), timeProvider, holderId, logger)
    {
    }

    internal PostgresLeaseManager(PostgresDatabase database, TimeProvider timeProvider, string? holderId, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger.Instance;
        HolderId = string.IsNullOrEmpty(holderId) ? LeaseHolderId.Current : holderId;
    }

    /// <inheritdoc />
    public string HolderId { get; }

    /// <inheritdoc />
    public async Task<ILease?> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        StateArguments.Lease(name, duration);
        var token = StateArguments.NewETag();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var now = _timeProvider.GetUtcNow();
        var expires = StateArguments.ToUnixMs(now + duration);
        await using var command = new NpgsqlCommand(StateSql.AcquireLease, connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("holder", HolderId);
        command.Parameters.AddWithValue("token", token);
        command.Parameters.AddWithValue("expires", expires);
        command.Parameters.AddWithValue("now", StateArguments.ToUnixMs(now));
        var generation = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (generation is not long value)
        {
            return null;
        }

        Log.LeaseAcquired(_logger, name, HolderId, value);
        return new StoreLease(this, _logger, name, HolderId, token, value, duration, StateArguments.FromUnixMs(expires));
    }

    async Task<DateTimeOffset?> ILeaseBackend.RenewAsync(string name, string token, TimeSpan duration, CancellationToken cancellationToken)
    {
        var expires = StateArguments.ToUnixMs(_timeProvider.GetUtcNow() + duration);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(StateSql.RenewLease, connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("token", token);
        command.Parameters.AddWithValue("expires", expires);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1
            ? StateArguments.FromUnixMs(expires)
            : null;
    }

    async Task ILeaseBackend.ReleaseAsync(string name, string token, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(StateSql.ReleaseLease, connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("token", token);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
