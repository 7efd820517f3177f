using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Notifications;

// The notifications' log messages (issue 6): EventIds 2600–2699; the daily digest's: 2800–2803.
internal static partial class Log
{
    [LoggerMessage(EventId = 2600, Level = LogLevel.Debug, Message = "Change feed polled: {ChangeCount} changed tickets, {Queued} notifications queued")]
    public static partial void ChangeFeedPolled(ILogger logger, int changeCount, int queued);

    [LoggerMessage(EventId = 2601, Level = LogLevel.Warning, Message = "The change feed could not be read from iTop ({Failure}): polled again next time")]
    public static partial void ChangeFeedFailed(ILogger logger, ChatOpsBot.Tickets.Failures.DeskFailureKind failure, Exception exception);

    [LoggerMessage(EventId = 2602, Level = LogLevel.Information, Message = "The Connector answered 403 for conversation {ConversationId}: reference dropped")]
    public static partial void ConversationForbidden(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 2603, Level = LogLevel.Information, Message = "Delivery to {ConversationId} deferred (HTTP {StatusCode})")]
    public static partial void DeliveryDeferred(ILogger logger, string conversationId, int statusCode);

    [LoggerMessage(EventId = 2604, Level = LogLevel.Warning, Message = "Delivery to {ConversationId} refused (HTTP {StatusCode}): given up")]
    public static partial void DeliveryFailed(ILogger logger, string conversationId, int statusCode);

    [LoggerMessage(EventId = 2605, Level = LogLevel.Warning, Message = "Connector unreachable for {ConversationId}: delivery deferred")]
    public static partial void DeliveryUnreachable(ILogger logger, string conversationId, Exception exception);

    [LoggerMessage(EventId = 2606, Level = LogLevel.Information, Message = "Notification poller lease acquired (generation {Generation})")]
    public static partial void PollerLeaseAcquired(ILogger logger, long generation);

    [LoggerMessage(EventId = 2607, Level = LogLevel.Warning, Message = "Notification poller lease lost: polling stops on this instance")]
    public static partial void PollerLeaseLost(ILogger logger);

    [LoggerMessage(EventId = 2608, Level = LogLevel.Error, Message = "The notification job failed; it starts again")]
    public static partial void NotificationLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2800, Level = LogLevel.Warning, Message = "The digest of {ConversationId} could not be read from iTop ({Failure}): tried again at the next scan")]
    public static partial void DigestFailed(ILogger logger, string conversationId, ChatOpsBot.Tickets.Failures.DeskFailureKind failure, Exception exception);

    [LoggerMessage(EventId = 2801, Level = LogLevel.Information, Message = "Digest lease acquired (generation {Generation})")]
    public static partial void DigestLeaseAcquired(ILogger logger, long generation);

    [LoggerMessage(EventId = 2802, Level = LogLevel.Error, Message = "The digest job failed: it starts again")]
    public static partial void DigestLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2803, Level = LogLevel.Information, Message = "{Queued} digest(s) queued")]
    public static partial void DigestsQueued(ILogger logger, int queued);

    [LoggerMessage(EventId = 2613, Level = LogLevel.Warning, Message = "Who made the {Move} of ticket {TicketId} could not be recorded: the change feed names the author of the case-log entry of its second")]
    public static partial void MoveNotRecorded(ILogger logger, int ticketId, string move, Exception exception);

    [LoggerMessage(EventId = 2612, Level = LogLevel.Warning, Message = "Could not update the card at the top of a ticket's thread")]
    public static partial void CardUpdateFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2614, Level = LogLevel.Information, Message = "A card to update in {ConversationId} (ticket {TicketId}) was never posted: nothing to update")]
    public static partial void ReplacedMessageUnknown(ILogger logger, string conversationId, int ticketId);
}
