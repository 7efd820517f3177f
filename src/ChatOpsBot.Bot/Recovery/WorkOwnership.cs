using ChatOpsBot.Tickets.Failures;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Bot.Recovery;

/// <summary>Takes, releases and judges <see cref="WorkClaim"/>s for this instance.</summary>
public sealed class WorkOwnership(InstanceHeartbeat heartbeat, IOptions<RecoveryOptions> options, TimeProvider time)
{
    /// <summary>A claim by this instance, from now, keeping the count of earlier attempts.</summary>
    public WorkClaim Take(WorkClaim? previous = null) =>
        new() { Owner = heartbeat.InstanceId, Since = time.GetUtcNow(), Attempts = previous?.Attempts ?? 0, LastFailure = previous?.LastFailure };

    /// <summary>Let go after a failure: the background tries again after a delay that doubles at each failure.</summary>
    public WorkClaim Release(WorkClaim claim, DeskFailureKind failure)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var o = options.Value;
        var delay = TimeSpan.FromTicks(Math.Min(o.MaxRetryDelay.Ticks, o.RetryDelay.Ticks * (1L << Math.Min(claim.Attempts, 20))));
        return claim with { Owner = null, Attempts = claim.Attempts + 1, LastFailure = failure, RetryAt = time.GetUtcNow() + delay };
    }

    /// <summary>True when the claim is this instance's, from now on (as taken by <see cref="Take"/>).</summary>
    public bool IsMine(WorkClaim? claim) => claim?.Owner == heartbeat.InstanceId;

    /// <summary>
    /// May this instance take the work over now? Yes when nobody holds it (and, for the background, its retry is due), when
    /// its holder is dead, or when it was held longer than <see cref="RecoveryOptions.AbandonAfter"/>; not while another live
    /// instance, or this one, works on it.
    /// </summary>
    /// <param name="dueOnly">The background waits for <see cref="WorkClaim.RetryAt"/>; a person's click does not.</param>
    public async Task<bool> IsFreeAsync(WorkClaim? claim, bool dueOnly, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (claim is null)
        {
            return true;
        }

        if (claim.Owner is null)
        {
            return !dueOnly || claim.RetryAt is not { } at || at <= now;
        }

        if (now - claim.Since > options.Value.AbandonAfter)
        {
            return true;
        }

        return claim.Owner != heartbeat.InstanceId && !await heartbeat.IsAliveAsync(claim.Owner, cancellationToken).ConfigureAwait(false);
    }
}
