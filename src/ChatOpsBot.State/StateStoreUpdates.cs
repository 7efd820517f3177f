namespace ChatOpsBot.State;

/// <summary>Read-modify-write of one entry on top of <see cref="IStateStore"/>'s compare-and-swap.</summary>
public static class StateStoreUpdates
{
    /// <summary>More than enough for the few writers one key ever has at once; a loop that never ends is worse than a null.</summary>
    public const int MaxAttempts = 20;

    /// <summary>
    /// Applies <paramref name="change"/> to the stored value (null when absent) and writes the result if nobody wrote
    /// meanwhile, else runs it again on the newer value. <paramref name="change"/> returns null to leave the entry as it is.
    /// Returns the entry as it stands after the call, written or unchanged (the result equalled it); null when
    /// <paramref name="change"/> declined or every attempt met another writer.
    /// </summary>
    public static async Task<StateUpdate?> UpdateAsync(
        this IStateStore store,
        string key,
        Func<string?, string?> change,
        TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var entry = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (change(entry?.Value) is not { } value)
            {
                return null;
            }

            if (entry is not null && string.Equals(value, entry.Value, StringComparison.Ordinal))
            {
                return new StateUpdate(entry, Written: false);
            }

            if (await store.PutAsync(key, value, entry?.ETag, timeToLive, cancellationToken).ConfigureAwait(false) is { } written)
            {
                return new StateUpdate(written, Written: true);
            }
        }

        return null;
    }
}

/// <summary>The entry after <see cref="StateStoreUpdates.UpdateAsync"/>; <see cref="Written"/> is false when nothing needed writing.</summary>
public sealed record StateUpdate(StateEntry Entry, bool Written);
