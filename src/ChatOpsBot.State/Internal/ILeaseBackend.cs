namespace ChatOpsBot.State.Internal;

/// <summary>What a provider does for an acquired lease; the token identifies one acquisition.</summary>
internal interface ILeaseBackend
{
    /// <summary>Returns the new expiry, or null when the acquisition no longer holds the lease.</summary>
    Task<DateTimeOffset?> RenewAsync(string name, string token, TimeSpan duration, CancellationToken cancellationToken);

    Task ReleaseAsync(string name, string token, CancellationToken cancellationToken);
}
