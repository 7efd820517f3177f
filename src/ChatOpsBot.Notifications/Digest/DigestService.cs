using ChatOpsBot.Bot.Digest;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Notifications;
using ChatOpsBot.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Notifications.Digest;

/// <summary>
/// The digest's singleton job: on the one instance holding the <see cref="LeaseName"/> lease (like the notification
/// poller's), looks every <see cref="DigestOptions.ScanInterval"/> whether digests are due. The day each conversation
/// was served is in the state store, so a restart or another instance taking over does not send it again.
/// </summary>
public sealed class DigestService(
    ILeaseManager leases,
    DigestRunner runner,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestService> logger) : BackgroundService
{
    public const string LeaseName = "daily-digest";

    /// <summary>True while this instance holds the lease (tests).</summary>
    public bool IsLeader { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        while (o.Enabled && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var lease = await leases.TryAcquireAsync(LeaseName, o.LeaseDuration, stoppingToken).ConfigureAwait(false);
                if (lease is not null)
                {
                    Log.DigestLeaseAcquired(logger, lease.Generation);
                    IsLeader = true;
                    await LeadAsync(lease, o, stoppingToken).ConfigureAwait(false);
                }
                else
                {
                    await Task.Delay(o.LeaseDuration / 3, time, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The job must survive a store outage: it logs and tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.DigestLoopFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken).ConfigureAwait(false);
            }
            finally
            {
                IsLeader = false;
            }
        }
    }

    private async Task LeadAsync(ILease lease, DigestOptions o, CancellationToken stoppingToken)
    {
        var renewEvery = o.LeaseDuration / 3;
        var nextScan = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            if (time.GetUtcNow() >= nextScan)
            {
                nextScan = time.GetUtcNow() + o.ScanInterval;
                if (await runner.RunDueAsync(stoppingToken).ConfigureAwait(false) is > 0 and var queued)
                {
                    Log.DigestsQueued(logger, queued);
                }
            }

            var wait = nextScan - time.GetUtcNow();
            await Task.Delay(wait < renewEvery ? (wait > TimeSpan.Zero ? wait : TimeSpan.Zero) : renewEvery, time, stoppingToken).ConfigureAwait(false);
            if (!await lease.RenewAsync(stoppingToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }
}
