namespace ChatOpsBot.Bot.Chats;

/// <summary>
/// Sends messages unasked. The composed bot queues them in the notifications' outbox (<c>ChatOpsBot.Notifications</c>
/// replaces the default); a bot composed without the notifications sends them at once (<see cref="DirectProactiveMessages"/>).
/// </summary>
public interface IProactiveMessages
{
    /// <summary>The posted activity's id when a new card was posted now; null when it was queued (its receipt records the id later), or for a text or a replacement.</summary>
    Task<string?> SendAsync(ProactiveMessage message, CancellationToken cancellationToken);
}

/// <summary>Records where the cards of one purpose went, and tells a post already made (before a crash) from one to make.</summary>
public interface IProactiveCardReceipt
{
    string Purpose { get; }

    Task<bool> IsPostedAsync(ProactiveMessage card, CancellationToken cancellationToken);

    Task PostedAsync(ProactiveMessage card, string activityId, CancellationToken cancellationToken);

    /// <summary>The message a <see cref="ProactiveMessage.Replaces"/> card of this purpose takes the place of; null when none went out.</summary>
    Task<string?> PostedIdAsync(ProactiveMessage card, CancellationToken cancellationToken);
}
