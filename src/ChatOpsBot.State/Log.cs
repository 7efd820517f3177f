using Microsoft.Extensions.Logging;

namespace ChatOpsBot.State;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "State schema ({Provider}) migrated from version {FromVersion} to {ToVersion}")]
    public static partial void SchemaMigrated(ILogger logger, string provider, int fromVersion, int toVersion);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Purged {Count} expired state entries")]
    public static partial void ExpiredPurged(ILogger logger, int count);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Purging expired state entries failed; will retry later")]
    public static partial void PurgeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Lease {Name} acquired by {HolderId} (generation {Generation})")]
    public static partial void LeaseAcquired(ILogger logger, string name, string holderId, long generation);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Lease {Name} could not be renewed by {HolderId}: it was taken over or released")]
    public static partial void LeaseLost(ILogger logger, string name, string holderId);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Releasing lease {Name} failed; it will lapse at its expiry")]
    public static partial void LeaseReleaseFailed(ILogger logger, string name, Exception exception);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "State store health check failed")]
    public static partial void HealthCheckFailed(ILogger logger, Exception exception);
}
