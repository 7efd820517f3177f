namespace ChatOpsBot.Bot.Chats;

/// <summary>
/// Posts cards unasked. The composed bot queues them in the notifications' outbox (<c>ChatOpsBot.Notifications</c>
/// replaces the default); a bot composed without the notifications posts them at once (<see cref="DirectProactiveCards"/>).
/// </summary>
public interface IProactiveCards
{
    /// <summary>The posted activity's id when it was posted now; null when it was queued (its receipt records the id later).</summary>
    Task<string?> PostAsync(ProactiveCard card, CancellationToken cancellationToken);
}

/// <summary>Records where the cards of one purpose went, and tells a post already made (before a crash) from one to make.</summary>
public interface IProactiveCardReceipt
{
    string Purpose { get; }

    Task<bool> IsPostedAsync(ProactiveCard card, CancellationToken cancellationToken);

    Task PostedAsync(ProactiveCard card, string activityId, CancellationToken cancellationToken);
}
