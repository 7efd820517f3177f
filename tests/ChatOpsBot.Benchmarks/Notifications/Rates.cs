using System.Diagnostics;

namespace ChatOpsBot.Benchmarks.Notifications;

/// <summary>Rates of a series of arrival times (<see cref="Stopwatch"/> timestamps, sorted).</summary>
internal static class Rates
{
    /// <summary>The most arrivals within any window of <paramref name="window"/> (sliding, starting at an arrival).</summary>
    public static int MaxInWindow(IReadOnlyList<long> sorted, TimeSpan window)
    {
        var ticks = (long)(window.TotalSeconds * Stopwatch.Frequency);
        var max = 0;
        var end = 0;
        for (var start = 0; start < sorted.Count; start++)
        {
            while (end < sorted.Count && sorted[end] - sorted[start] < ticks)
            {
                end++;
            }

            max = Math.Max(max, end - start);
        }

        return max;
    }

    /// <summary>Arrivals per second from the first to the last one.</summary>
    public static double PerSecond(IReadOnlyList<long> sorted) =>
        sorted.Count < 2 ? double.NaN : (sorted.Count - 1) / Stopwatch.GetElapsedTime(sorted[0], sorted[^1]).TotalSeconds;
}
