using ChatOpsBot.State.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOpsBot.State.Sqlite;

/// <summary><see cref="ILeaseManager"/> on lease rows of the SQLite state file (processes sharing the file).</summary>
public sealed class SqliteLeaseManager : ILeaseManager, ILeaseBackend, IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Leases in the file named by <paramref name="connectionString"/>, held as <paramref name="holderId"/> (default: this process).</summary>
    public SqliteLeaseManager(string connectionString, TimeProvider timeProvider, string? holderId = null, ILogger<SqliteLeaseManager>? logger = null)
        : this(new SqliteDatabase(connectionString, timeProvider, (ILogger?)logger ?? NullLogger.Instance), timeProvider, holderId, logger, ownsDatabase: true)
    {
    }

    internal SqliteLeaseManager(SqliteDatabase database, TimeProvider timeProvider, string? holderId, ILogger? logger, bool ownsDatabase)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _ownsDatabase = ownsDatabase;
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
        var acquired = await _database.WriteAsync(connection =>
        {
            var now = _timeProvider.GetUtcNow();
            var expires = StateArguments.ToUnixMs(now + duration);
            using var command = connection.CreateCommand();
            command.CommandText = StateSql.AcquireLease;
            command.Parameters.AddWithValue("@name", name);
            command.Parameters.AddWithValue("@holder", HolderId);
            command.Parameters.AddWithValue("@token", token);
            command.Parameters.AddWithValue("@expires", expires);
            command.Parameters.AddWithValue("@now", StateArguments.ToUnixMs(now));
            using var reader = command.ExecuteReader();
            return reader.Read() ? (Generation: reader.GetInt64(0), ExpiresMs: expires) : ((long Generation, long ExpiresMs)?)null;
        }, cancellationToken).ConfigureAwait(false);

        if (acquired is not { } lease)
        {
            return null;
        }

        Log.LeaseAcquired(_logger, name, HolderId, lease.Generation);
        return new StoreLease(this, _logger, name, HolderId, token, lease.Generation, duration, StateArguments.FromUnixMs(lease.ExpiresMs));
    }

    Task<DateTimeOffset?> ILeaseBackend.RenewAsync(string name, string token, TimeSpan duration, CancellationToken cancellationToken) =>
        _database.WriteAsync(connection =>
        {
            var expires = StateArguments.ToUnixMs(_timeProvider.GetUtcNow() + duration);
            using var command = connection.CreateCommand();
            command.CommandText = StateSql.RenewLease;
            command.Parameters.AddWithValue("@name", name);
            command.Parameters.AddWithValue("@token", token);
            command.Parameters.AddWithValue("@expires", expires);
            return command.ExecuteNonQuery() == 1 ? StateArguments.FromUnixMs(expires) : (DateTimeOffset?)null;
        }, cancellationToken);

    Task ILeaseBackend.ReleaseAsync(string name, string token, CancellationToken cancellationToken) =>
        _database.WriteAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = StateSql.ReleaseLease;
            command.Parameters.AddWithValue("@name", name);
            command.Parameters.AddWithValue("@token", token);
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
}
