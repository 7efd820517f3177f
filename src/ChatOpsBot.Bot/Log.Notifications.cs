using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot;

// The notifications' log messages (issue 6), in their own file of the assembly's Log class: EventIds 2600–2699.
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

    [LoggerMessage(EventId = 2609, Level = LogLevel.Information, Message = "Personal chat opened with person {PersonId}, found in the roster of {ConversationId}")]
    public static partial void PersonalChatOpened(ILogger logger, int personId, string conversationId);

    [LoggerMessage(EventId = 2610, Level = LogLevel.Information, Message = "Person {PersonId} has no personal chat and is in none of the {RosterCount} teams or group chats of the bot ({AddressCount} Teams addresses tried): not looked for again for {MissDuration}")]
    public static partial void PersonalChatNotFound(ILogger logger, int personId, int rosterCount, int addressCount, TimeSpan missDuration);

    [LoggerMessage(EventId = 2611, Level = LogLevel.Warning, Message = "Looking for person {PersonId} in {ConversationId} failed: looked for again next time")]
    public static partial void PersonalChatLookupFailed(ILogger logger, int personId, string conversationId, Exception exception);
}
