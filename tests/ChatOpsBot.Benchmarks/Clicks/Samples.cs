namespace ChatOpsBot.Benchmarks.Clicks;

/// <summary>Latencies by what was measured, with the iTop calls each click made.</summary>
internal sealed class Samples
{
    private readonly Dictionary<string, List<TimeSpan>> _times = [];
    private readonly Dictionary<string, List<(long Reads, long Writes)>> _calls = [];

    public IEnumerable<string> Names => _times.Keys;

    /// <summary>The name under which a click's own time is kept: the click minus the time its iTop calls took.</summary>
    public static string BotOwn(string click) => "bot: " + click;

    /// <summary>True when every click made exactly one read and one write.</summary>
    public bool AllOneReadOneWrite => _calls.Values.SelectMany(c => c).All(c => c == (1, 1));

    public void Add(string name, TimeSpan elapsed, long reads = -1, long writes = -1)
    {
        (_times.TryGetValue(name, out var times) ? times : _times[name] = []).Add(elapsed);
        if (reads >= 0)
        {
            (_calls.TryGetValue(name, out var calls) ? calls : _calls[name] = []).Add((reads, writes));
        }
    }

    public IReadOnlyList<TimeSpan> Times(string name) => _times.TryGetValue(name, out var times) ? times : [];

    public IReadOnlyList<(long Reads, long Writes)> Calls(string name) => _calls.TryGetValue(name, out var calls) ? calls : [];

    public static TimeSpan Percentile(IReadOnlyList<TimeSpan> values, double p)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return TimeSpan.Zero;
        }

        // Nearest rank.
        var rank = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
