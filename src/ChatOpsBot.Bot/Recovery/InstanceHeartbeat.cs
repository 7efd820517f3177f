using System.Globalization;
using ChatOpsBot.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Bot.Recovery;

/// <summary>
/// Says in the state store that this instance is alive (<c>alive:{id}</c>, expiring after
/// <see cref="RecoveryOptions.HeartbeatTimeout"/>, written again every third of it), so that another instance, or this one
/// restarted, can tell work held by a dead instance from work under way.
/// </summary>
public sealed class InstanceHeartbeat(IStateStore store, IOptions<RecoveryOptions> options, TimeProvider time, ILogger<InstanceHeartbeat> logger)
    : BackgroundService
{
    private const string Prefix = "alive:";

    /// <summary>This instance: a new id at each start, so that a restarted bot does not take its predecessor's work for its own.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

    /// <summary>True for this instance and for one whose heartbeat has not expired.</summary>
    public async Task<bool> IsAliveAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        return instanceId == InstanceId || await store.GetAsync(Prefix + instanceId, cancellationToken).ConfigureAwait(false) is not null;
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await BeatAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await store.DeleteAsync(Prefix + InstanceId, cancellationToken: CancellationToken.None).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatTimeout / 3, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await BeatAsync(stoppingToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A missed beat is retried at the next tick; the store's own failures are logged by it.
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                Log.HeartbeatFailed(logger, ex);
            }
        }
    }

    private Task<StateEntry?> BeatAsync(CancellationToken cancellationToken) =>
        store.PutAsync(Prefix + InstanceId, time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), StateETag.Any, options.Value.HeartbeatTimeout, cancellationToken);
}
