using System.Data.Common;
using System.Globalization;

namespace ChatOpsBot.State.Internal;

/// <summary>Argument checks and value conventions shared by both providers.</summary>
internal static class StateArguments
{
    public static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(5);

    public const int PurgeBatchSize = 1000;

    public static void Key(string key) => ArgumentException.ThrowIfNullOrEmpty(key);

    public static void Put(string key, string value, string? expectedETag, TimeSpan? timeToLive)
    {
        Key(key);
        ArgumentNullException.ThrowIfNull(value);
        if (expectedETag is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(expectedETag);
        }

        if (timeToLive is { } ttl)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero, nameof(timeToLive));
        }
    }

    public static void List(string prefix, int limit)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, 0);
    }

    public static void Lease(string name, TimeSpan duration)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
    }

    /// <summary>ETags are random: a deleted-then-recreated key never matches a stale ETag.</summary>
    public static string NewETag() => Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

    public static long ToUnixMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    /// <summary>Expiry truncated to the millisecond so that what Put returns equals what Get reads back.</summary>
    public static long? ExpiryMs(DateTimeOffset now, TimeSpan? timeToLive) =>
        timeToLive is { } ttl ? ToUnixMs(now + ttl) : null;

    public static DateTimeOffset? FromUnixMs(long? ms) => ms is { } value ? FromUnixMs(value) : null;

    /// <summary>A row of (key, value, etag, expires_at in Unix ms or null) as an entry.</summary>
    public static StateEntry ReadEntry(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2),
            reader.IsDBNull(3) ? null : FromUnixMs(reader.GetInt64(3)));
}
