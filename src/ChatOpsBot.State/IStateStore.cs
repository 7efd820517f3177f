namespace ChatOpsBot.State;

/// <summary>
/// The bot's own key/value state (conversation references, dialog state, subscriptions, outbox, cursors,
/// seen activity ids). Values are opaque strings (JSON by convention); every write is a compare-and-swap on the ETag.
/// </summary>
public interface IStateStore
{
    /// <summary>Reads an entry; null when absent or expired.</summary>
    Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes an entry. <paramref name="expectedETag"/> null means "create only if absent";
    /// <see cref="StateETag.Any"/> means unconditional; any other value must match the stored ETag.
    /// Returns the new entry, or null when the precondition failed (nothing written).
    /// </summary>
    Task<StateEntry?> PutAsync(string key, string value, string? expectedETag, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes an entry; with an ETag, only if it matches. Returns true when something was deleted.</summary>
    Task<bool> DeleteAsync(string key, string? expectedETag = null, CancellationToken cancellationToken = default);

    /// <summary>Lists live entries whose key starts with <paramref name="prefix"/>, ordered by key.</summary>
    Task<IReadOnlyList<StateEntry>> ListAsync(string prefix, int limit = 1000, CancellationToken cancellationToken = default);
}

/// <summary>One stored value with its concurrency token and optional expiry.</summary>
public sealed record StateEntry(string Key, string Value, string ETag, DateTimeOffset? ExpiresAt);

/// <summary>Special ETag values understood by <see cref="IStateStore.PutAsync"/>.</summary>
public static class StateETag
{
    /// <summary>Write whatever is stored (last writer wins).</summary>
    public const string Any = "*";
}
