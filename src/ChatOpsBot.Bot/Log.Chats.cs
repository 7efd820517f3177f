using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot;

// Finding a person's personal chat (issue 6): EventIds 2609–2611.
internal static partial class Log
{
    [LoggerMessage(EventId = 2609, Level = LogLevel.Information, Message = "Personal chat opened with person {PersonId}, found in the roster of {ConversationId}")]
    public static partial void PersonalChatOpened(ILogger logger, int personId, string conversationId);

    [LoggerMessage(EventId = 2610, Level = LogLevel.Information, Message = "Person {PersonId} has no personal chat and is in none of the {RosterCount} teams or group chats of the bot ({AddressCount} Teams addresses tried): not looked for again for {MissDuration}")]
    public static partial void PersonalChatNotFound(ILogger logger, int personId, int rosterCount, int addressCount, TimeSpan missDuration);

    [LoggerMessage(EventId = 2611, Level = LogLevel.Warning, Message = "Looking for person {PersonId} in {ConversationId} failed: looked for again next time")]
    public static partial void PersonalChatLookupFailed(ILogger logger, int personId, string conversationId, Exception exception);
}
