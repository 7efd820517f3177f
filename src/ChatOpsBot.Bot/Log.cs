using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot;

internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Debug, Message = "Activity of type {ActivityType} ignored")]
    public static partial void ActivityIgnored(ILogger logger, string? activityType);
}
