using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Protocol;

/// <summary>Every log line of the protocol layer. No token, secret or message text is ever logged.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "UNAUTHENTICATED MODE: Bot:AllowUnauthenticatedLocalRequests=true, inbound tokens are NOT validated (loopback callers only) and outbound calls carry no token. Never use this outside local development.")]
    public static partial void UnauthenticatedMode(ILogger logger);

    [LoggerMessage(2, LogLevel.Warning, "Bot:MicrosoftAppId is not set: every request to the messaging endpoint will be refused with 401.")]
    public static partial void AuthenticationNotConfigured(ILogger logger);

    [LoggerMessage(3, LogLevel.Information, "Inbound request refused with {Status}: {Reason}")]
    public static partial void RequestRefused(ILogger logger, int status, string reason);

    [LoggerMessage(4, LogLevel.Information, "Duplicate activity {ActivityId} ignored")]
    public static partial void DuplicateActivity(ILogger logger, string activityId);

    [LoggerMessage(5, LogLevel.Error, "Handler failed for {ActivityType} activity {ActivityId}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string? activityType, string? activityId);

    [LoggerMessage(6, LogLevel.Warning, "Handler timed out after {TimeoutSeconds} s for {ActivityType} activity {ActivityId}")]
    public static partial void HandlerTimedOut(ILogger logger, double timeoutSeconds, string? activityType, string? activityId);

    [LoggerMessage(7, LogLevel.Warning, "Connector answered {Status}; retry {Attempt} in {DelayMs} ms")]
    public static partial void ConnectorRetry(ILogger logger, int status, int attempt, double delayMs);

    [LoggerMessage(8, LogLevel.Warning, "Token validation failed: {Reason}")]
    public static partial void TokenInvalid(ILogger logger, string reason);

    [LoggerMessage(9, LogLevel.Error, "Dedupe store unavailable; handling activity {ActivityId} without dedupe")]
    public static partial void DedupeFailed(ILogger logger, Exception exception, string activityId);

    [LoggerMessage(10, LogLevel.Warning, "Connector calls to {Origin} are refused: not on the allow-list. To allow them, set Bot:AllowedServiceUrls (environment Bot__AllowedServiceUrls__0={Origin}). Logged once per URL; replies to that client are dropped.")]
    public static partial void ServiceUrlRefused(ILogger logger, string origin);

    [LoggerMessage(11, LogLevel.Warning, "Malformed activity refused with 400: {Reason}")]
    public static partial void MalformedActivity(ILogger logger, string reason);
}
