using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot;

internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "The Teams member has no email nor UPN")]
    public static partial void MemberWithoutEmail(ILogger logger);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "No iTop person matches the Teams member")]
    public static partial void UnknownPerson(ILogger logger);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "iTop is unavailable during {Operation}")]
    public static partial void DeskUnavailable(ILogger logger, string operation, Exception exception);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Card action {Verb} refused: {Reason}")]
    public static partial void ActionRefused(ILogger logger, string verb, string reason);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Card action {Verb} refused by the domain: {Code}")]
    public static partial void ActionRefused(ILogger logger, string verb, ChatOpsBot.Tickets.Rules.TicketRuleCode code);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Debug, Message = "Teams user mapped to iTop person {PersonId}: {TeamCount} teams, {SupportOrgCount} supported schools, {BriqueCount} briques, group desk {IsGroupDesk}")]
    public static partial void UserIdentified(ILogger logger, int personId, int teamCount, int supportOrgCount, int briqueCount, bool isGroupDesk);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "The Connector member API answered {StatusCode} for the sender")]
    public static partial void MemberLookupFailed(ILogger logger, int statusCode);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Error, Message = "iTop refused or failed during {Operation}")]
    public static partial void DeskFailed(ILogger logger, string operation, Exception exception);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "The user who installed the app could not be identified: their personal chat is linked at their first command")]
    public static partial void InstallerNotLinked(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Ticket {TicketId} created from draft {DraftId}")]
    public static partial void TicketCreated(ILogger logger, int ticketId, string draftId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Could not update the shared card message")]
    public static partial void CardUpdateFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "Draft {DraftId} already created ticket {TicketId} (found on retry)")]
    public static partial void DraftAlreadyCreated(ILogger logger, string draftId, int ticketId);

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Ticket {TicketId} waits for approval ({ApproverCount} approvers)")]
    public static partial void ApprovalRequested(ILogger logger, int ticketId, int approverCount);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Approver {PersonId} of ticket {TicketId} has no personal chat the bot can open: no card sent")]
    public static partial void ApproverUnreachable(ILogger logger, int ticketId, int personId);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Could not deliver an approval message for ticket {TicketId}")]
    public static partial void ApprovalDeliveryFailed(ILogger logger, int ticketId, Exception exception);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Ticket {TicketId}: approval decision {Decision} by person {PersonId}")]
    public static partial void ApprovalDecided(ILogger logger, int ticketId, string decision, int personId);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Ticket {TicketId}: approval reminder sent")]
    public static partial void ApprovalReminded(ILogger logger, int ticketId);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Error, Message = "The approval reminder scan failed")]
    public static partial void ApprovalReminderFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Information, Message = "Ticket {TicketId}: approval handed from person {FromPersonId} to person {ToPersonId}")]
    public static partial void ApprovalHandedOff(ILogger logger, int ticketId, int fromPersonId, int toPersonId);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Error, Message = "A {ActivityType} turn failed; the user was told")]
    public static partial void TurnFailed(ILogger logger, string? activityType, Exception exception);

    [LoggerMessage(EventId = 2700, Level = LogLevel.Warning, Message = "The instance heartbeat could not be written")]
    public static partial void HeartbeatFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2701, Level = LogLevel.Error, Message = "The scan of unfinished work failed")]
    public static partial void UnfinishedScanFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2702, Level = LogLevel.Warning, Message = "Unfinished {Kind} {Id} could not be finished now: tried again later")]
    public static partial void UnfinishedWorkFailed(ILogger logger, string kind, string id, Exception exception);

    [LoggerMessage(EventId = 2703, Level = LogLevel.Information, Message = "Unfinished {Kind} {Id}: {Outcome}")]
    public static partial void UnfinishedWorkFinished(ILogger logger, string kind, string id, string outcome);

    [LoggerMessage(EventId = 2704, Level = LogLevel.Information, Message = "Unfinished approval of ticket {TicketId}: {Outcome}")]
    public static partial void UnfinishedApprovalFinished(ILogger logger, int ticketId, string outcome);
}
