using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Bot.Recovery;

/// <summary>
/// Every <see cref="RecoveryOptions.ScanInterval"/>, hands each piece of <see cref="UnfinishedWork"/> to the finisher of its
/// kind. Runs on every instance: the work's own claim (compare-and-swap) makes sure one of them does it.
/// </summary>
public sealed class UnfinishedWorkService(
    IServiceScopeFactory scopes,
    IOptions<RecoveryOptions> options,
    TimeProvider time,
    ILogger<UnfinishedWorkService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval, time);
        do
        {
            try
            {
                await FinishDueAsync(stoppingToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // One failed scan (state store) must not stop the next ones.
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                Log.UnfinishedScanFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One scan; each piece of work fails alone.</summary>
    public async Task FinishDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var finishers = scope.ServiceProvider.GetServices<IWorkFinisher>().ToDictionary(f => f.Kind, StringComparer.Ordinal);
        foreach (var (kind, id) in await scope.ServiceProvider.GetRequiredService<UnfinishedWork>().ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!finishers.TryGetValue(kind, out var finisher))
            {
                continue;
            }

            try
            {
                await finisher.FinishAsync(id, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The next scan tries again; the other pieces of work go on.
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                Log.UnfinishedWorkFailed(logger, kind, id, ex);
            }
        }
    }
}
