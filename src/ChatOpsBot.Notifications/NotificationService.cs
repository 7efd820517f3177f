using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Notifications;

/// <summary>
/// The singleton job of the notifications: on the one instance holding the <see cref="LeaseName"/> lease, polls the
/// change feed every <see cref="NotificationOptions.PollIntervalSeconds"/> and drains the outbox. Other instances wait
/// and take over when the lease lapses (its holder died) or is released (its holder stopped).
/// </summary>
public sealed class NotificationService(
    ILeaseManager leases,
    ChangeFeedPoller poller,
    OutboxDeliverer deliverer,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationService> logger) : BackgroundService
{
    public const string LeaseName = "notifications-poller";
    private static readonly TimeSpan IdleTick = TimeSpan.FromMilliseconds(200);

    /// <summary>True while this instance holds the lease (tests, health).</summary>
    public bool IsLeader { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            ILease? lease = null;
            try
            {
                lease = await leases.TryAcquireAsync(LeaseName, o.LeaseDuration, stoppingToken).ConfigureAwait(false);
                if (lease is null)
                {
                    await Task.Delay(o.LeaseDuration / 3, time, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                Log.PollerLeaseAcquired(logger, lease.Generation);
                IsLeader = true;
                await LeadAsync(lease, o, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The job must survive an iTop or store outage: it logs and tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.NotificationLoopFailed(logger, ex);
                await Task.Delay(IdleTick * 5, time, stoppingToken).ConfigureAwait(false);
            }
            finally
            {
                IsLeader = false;
                if (lease is not null)
                {
                    await lease.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    private async Task LeadAsync(ILease lease, NotificationOptions o, CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(o.PollIntervalSeconds);
        var nextPoll = time.GetUtcNow();
        var nextRenew = time.GetUtcNow() + o.LeaseDuration / 3;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (now >= nextRenew)
            {
                if (!await lease.RenewAsync(stoppingToken).ConfigureAwait(false))
                {
                    Log.PollerLeaseLost(logger);
                    return;
                }

                nextRenew = now + o.LeaseDuration / 3;
            }

            if (now >= nextPoll)
            {
                nextPoll = now + interval;
                try
                {
                    await poller.PollOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ChatOpsBot.Bot.Failures.DeskFailures.KindOf(ex, stoppingToken) is { } kind)
                {
                    // iTop down or refusing the bot's account: the job keeps its lease and its outbox, and polls again next time.
                    Log.ChangeFeedFailed(logger, kind, ex);
                }
            }

            var drain = await deliverer.DrainOnceAsync(stoppingToken).ConfigureAwait(false);
            var untilPoll = nextPoll - time.GetUtcNow();
            var sleep = drain is { } d ? d : untilPoll;
            sleep = Min(Min(sleep, untilPoll), Min(IdleTick, nextRenew - time.GetUtcNow()));
            if (sleep > TimeSpan.Zero)
            {
                await Task.Delay(sleep, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
