using ChatOpsBot.Bot.Subscriptions;

namespace ChatOpsBot.Notifications;

/// <summary>
/// The thread a ticket has in a channel: its root message holds the ticket card, updated in place.
/// <paramref name="StartedBy"/> is the idempotency key of the outbox item whose post started it.
/// </summary>
public sealed record TicketThread(int TicketId, string ConversationId, string RootActivityId, string? StartedBy = null);
