namespace ChatOpsBot.Bot.Notifications;

/// <summary>The thread a ticket has in a channel: its root message holds the ticket card, updated in place.</summary>
public sealed record TicketThread(int TicketId, string ConversationId, string RootActivityId);
