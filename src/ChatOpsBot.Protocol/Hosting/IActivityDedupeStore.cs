namespace ChatOpsBot.Protocol.Hosting;

/// <summary>
/// The port behind the dedupe window: where the protocol remembers which activities it has already seen and the answer
/// it gave to an invoke. The app registers one (ChatOpsBot.State implements it on the bot's state store); it must be
/// shared by every instance so that a re-delivery to another instance is still recognized.
/// </summary>
public interface IActivityDedupeStore
{
    /// <summary>
    /// Claims (<paramref name="conversationId"/>, <paramref name="activityId"/>) for <paramref name="window"/>: true for
    /// the first claim, false while an earlier claim is alive. Among concurrent claims exactly one gets true.
    /// </summary>
    Task<bool> TryClaimAsync(string conversationId, string activityId, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Keeps the answer of a claimed activity (opaque text) until <paramref name="window"/> has passed.</summary>
    Task SaveAnswerAsync(string conversationId, string activityId, string answer, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>The answer kept for the activity; null when the window has passed or the first delivery is still running.</summary>
    Task<string?> GetAnswerAsync(string conversationId, string activityId, CancellationToken cancellationToken);
}
