using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Itop;

internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "iTop {Operation} {Class} answered in {ElapsedMs} ms")]
    public static partial void ItopCall(ILogger logger, string operation, string @class, long elapsedMs);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "iTop {Operation} {Class} refused: code {Code} {ItopMessage}")]
    public static partial void ItopRefused(ILogger logger, string operation, string @class, int? code, string itopMessage);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "iTop {Operation} {Class} unavailable")]
    public static partial void ItopUnavailable(ILogger logger, string operation, string @class, Exception exception);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "iTop reference data {Name} loaded ({Count} items)")]
    public static partial void ReferenceLoaded(ILogger logger, string name, int count);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "iTop reference data (catalog, teams) could not be loaded; trying again soon")]
    public static partial void ReferenceWarmFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "iTop ticket {TicketId}: {Problem}")]
    public static partial void UnexpectedState(ILogger logger, int ticketId, string problem);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "iTop {Operation} {Class} refused the bot's login (code 1): the read is sent once more")]
    public static partial void ItopReadRetried(ILogger logger, string operation, string @class);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "iTop health check: {Problem}")]
    public static partial void HealthCheckFailed(ILogger logger, string problem, Exception exception);
}
