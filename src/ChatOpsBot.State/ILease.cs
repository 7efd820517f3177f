namespace ChatOpsBot.State;

/// <summary>An acquired lease. Disposing it releases it (best effort).</summary>
public interface ILease : IAsyncDisposable
{
    /// <summary>The lease name.</summary>
    string Name { get; }

    /// <summary>Who holds it (see <see cref="ILeaseManager.HolderId"/>).</summary>
    string HolderId { get; }

    /// <summary>Fencing token: grows at every acquisition of this name, never at a renewal.</summary>
    long Generation { get; }

    /// <summary>When the lease lapses unless renewed (store clock).</summary>
    DateTimeOffset ExpiresAt { get; }

    /// <summary>
    /// Extends the lease by its original duration from now. False when it was taken over or released:
    /// the caller no longer holds it and must stop the guarded work.
    /// </summary>
    Task<bool> RenewAsync(CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up so another instance can take it at once.</summary>
    Task ReleaseAsync(CancellationToken cancellationToken = default);
}
