using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot;

// The daily digest's and the duplicate check's log messages (issue 16): EventIds 2800–2899.
internal static partial class Log
{
    [LoggerMessage(EventId = 2800, Level = LogLevel.Warning, Message = "The digest of {ConversationId} could not be read from iTop ({Failure}): tried again at the next scan")]
    public static partial void DigestFailed(ILogger logger, string conversationId, ChatOpsBot.Tickets.Failures.DeskFailureKind failure, Exception exception);

    [LoggerMessage(EventId = 2801, Level = LogLevel.Information, Message = "Digest lease acquired (generation {Generation})")]
    public static partial void DigestLeaseAcquired(ILogger logger, long generation);

    [LoggerMessage(EventId = 2802, Level = LogLevel.Error, Message = "The digest job failed: it starts again")]
    public static partial void DigestLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2803, Level = LogLevel.Information, Message = "{Queued} digest(s) queued")]
    public static partial void DigestsQueued(ILogger logger, int queued);

    [LoggerMessage(EventId = 2804, Level = LogLevel.Warning, Message = "The duplicate check could not read iTop ({Failure}): the ticket is created without it")]
    public static partial void DuplicateCheckSkipped(ILogger logger, ChatOpsBot.Tickets.Failures.DeskFailureKind failure, Exception exception);
}
