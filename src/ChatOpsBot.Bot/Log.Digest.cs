using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot;

// The duplicate check's log messages (issue 16): EventIds 2804–2899 (2800–2803: the digest's, in ChatOpsBot.Notifications).
internal static partial class Log
{
    [LoggerMessage(EventId = 2804, Level = LogLevel.Warning, Message = "The duplicate check could not read iTop ({Failure}): the ticket is created without it")]
    public static partial void DuplicateCheckSkipped(ILogger logger, ChatOpsBot.Tickets.Failures.DeskFailureKind failure, Exception exception);
}
