using ChatOpsBot.Protocol.Hosting;

namespace ChatOpsBot.State.Dedupe;

/// <summary>
/// The protocol's dedupe window on the bot's state store: a claim is a create-if-absent write that expires with the
/// window, so every instance sharing the store sees it. Keys are <c>protocol/seen/{conversation.id}/{activity.id}</c>.
/// </summary>
public sealed class StateActivityDedupeStore(IStateStore store) : IActivityDedupeStore
{
    // The claim's value until the answer replaces it; an answer is JSON, so never equal to it.
    private const string Pending = "pending";

    public async Task<bool> TryClaimAsync(string conversationId, string activityId, TimeSpan window, CancellationToken cancellationToken) =>
        await store.PutAsync(Key(conversationId, activityId), Pending, expectedETag: null, window, cancellationToken).ConfigureAwait(false) is not null;

    public Task SaveAnswerAsync(string conversationId, string activityId, string answer, TimeSpan window, CancellationToken cancellationToken) =>
        store.PutAsync(Key(conversationId, activityId), answer, StateETag.Any, window, cancellationToken);

    public async Task<string?> GetAnswerAsync(string conversationId, string activityId, CancellationToken cancellationToken) =>
        await store.GetAsync(Key(conversationId, activityId), cancellationToken).ConfigureAwait(false) is { } entry && entry.Value != Pending
            ? entry.Value
            : null;

    private static string Key(string conversationId, string activityId) => "protocol/seen/" + conversationId + "/" + activityId;
}
