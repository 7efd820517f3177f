namespace ChatOpsBot.State;

/// <summary>
/// Named, time-bounded leases shared by every instance on the same store, so that exactly one of them
/// runs a singleton job (e.g. the iTop poller). A lease nobody renews expires and can then be taken over.
/// </summary>
public interface ILeaseManager
{
    /// <summary>The holder id written on acquired leases (a per-process GUID by default).</summary>
    string HolderId { get; }

    /// <summary>
    /// Takes the lease when it is free or expired. Returns null when another acquisition holds it,
    /// including one made earlier by this same holder (leases are not re-entrant).
    /// </summary>
    Task<ILease?> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken = default);
}
