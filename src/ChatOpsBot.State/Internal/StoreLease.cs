using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.State.Internal;

/// <summary>One acquisition of a lease row, renewed and released through its provider.</summary>
internal sealed class StoreLease(
    ILeaseBackend backend,
    ILogger logger,
    string name,
    string holderId,
    string token,
    long generation,
    TimeSpan duration,
    DateTimeOffset expiresAt) : ILease
{
    private int _released;

    public string Name { get; } = name;

    public string HolderId { get; } = holderId;

    public long Generation { get; } = generation;

    public DateTimeOffset ExpiresAt { get; private set; } = expiresAt;

    public async Task<bool> RenewAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _released) == 1)
        {
            return false;
        }

        var expiry = await backend.RenewAsync(Name, token, duration, cancellationToken).ConfigureAwait(false);
        if (expiry is null)
        {
            Log.LeaseLost(logger, Name, HolderId);
            return false;
        }

        ExpiresAt = expiry.Value;
        return true;
    }

    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            try
            {
                await backend.ReleaseAsync(Name, token, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                Volatile.Write(ref _released, 0);
                throw;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ReleaseAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            Log.LeaseReleaseFailed(logger, Name, ex);
        }
    }
}
