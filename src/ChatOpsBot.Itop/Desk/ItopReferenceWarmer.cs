using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Itop.Desk;

/// <summary>
/// Loads the catalog and the teams when the bot starts, and again at four fifths of <see cref="ItopOptions.CacheTtl"/>,
/// so that no user's turn pays for them. The start waits for the first load, at most one iTop call's budget
/// (<see cref="ItopOptions.Timeout"/>); a failed load is logged and tried again after <see cref="RetryDelay"/>.
/// </summary>
public sealed class ItopReferenceWarmer(
    ItopReferenceData reference,
    TimeProvider time,
    IOptions<ItopOptions> options,
    ILogger<ItopReferenceWarmer> logger) : IHostedService, IDisposable
{
    /// <summary>Wait after a failed load (or the refresh interval when shorter).</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;
    private int _loads;

    /// <summary>Completes when the first load is over, whether it succeeded or not.</summary>
    public Task FirstLoad => _firstLoad.Task;

    /// <summary>How many loads succeeded since the start.</summary>
    public int Loads => Volatile.Read(ref _loads);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var ttl = options.Value.CacheTtl;
        if (ttl <= TimeSpan.Zero)
        {
            _firstLoad.TrySetResult(); // no cache: nothing to keep warm
            return;
        }

        _loop = RunAsync(ttl * 0.8, _stopping.Token);
        await Task.WhenAny(_firstLoad.Task, Task.Delay(options.Value.Timeout, time, cancellationToken)).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(TimeSpan every, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var wait = every;
            try
            {
                await reference.RefreshAsync(cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _loads);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // iTop may be down at start or at a refresh: the cache keeps what it has, the next try comes soon.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.ReferenceWarmFailed(logger, ex);
                wait = every < RetryDelay ? every : RetryDelay;
            }

            _firstLoad.TrySetResult();
            try
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
