using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.State.Internal;

/// <summary>Decides when a write should also purge expired rows: at the first write, then at most once per interval.</summary>
internal sealed class PurgeSchedule(TimeProvider timeProvider, TimeSpan interval)
{
    private long _nextTicks = long.MinValue;

    public bool TryClaim()
    {
        var now = timeProvider.GetUtcNow().UtcTicks;
        var next = Interlocked.Read(ref _nextTicks);
        return now >= next && Interlocked.CompareExchange(ref _nextTicks, now + interval.Ticks, next) == next;
    }

    /// <summary>Runs <paramref name="purge"/> when due; a failure is logged, never thrown at the write that triggered it.</summary>
    public async Task RunIfDueAsync(Func<CancellationToken, Task<int>> purge, ILogger logger)
    {
        if (!TryClaim())
        {
            return;
        }

        try
        {
            var count = await purge(CancellationToken.None).ConfigureAwait(false);
            Log.ExpiredPurged(logger, count);
        }
        catch (DbException ex)
        {
            Log.PurgeFailed(logger, ex);
        }
    }
}
