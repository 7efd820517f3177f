using System.Globalization;

namespace ChatOpsBot.Benchmarks.Clicks;

/// <summary>The markdown tables of the click run (README, "Card clicks against a real iTop").</summary>
internal static class ClickReport
{
    private const string Read = "iTop read (core/get)";
    private const string Update = "iTop write (core/update, a log entry)";
    private const string Stimulus = "iTop write (core/apply_stimulus + its log line)";

    public static void Print(Samples samples, int rounds)
    {
        Line($"iTop alone ({rounds} of each, the desk's output fields):");
        Line($"");
        Line($"| call | median | p90 |");
        Line($"|---|---:|---:|");
        foreach (var name in new[] { Read, Update, Stimulus })
        {
            Line($"| {name} | {Ms(Median(samples, name))} | {Ms(Samples.Percentile(samples.Times(name), 0.9))} |");
        }

        Line($"");
        Line($"Card clicks, invoke posted → answer read ({rounds} of each):");
        Line($"");
        Line($"| action | iTop calls per click | median | p90 | iTop read + write (medians above) | click − (read + write) | bot's own time (click − its iTop calls): median, p90 |");
        Line($"|---|---|---:|---:|---:|---:|---:|");
        foreach (var name in samples.Names.Where(n => !n.StartsWith("iTop", StringComparison.Ordinal) && !n.StartsWith("bot: ", StringComparison.Ordinal)))
        {
            var calls = samples.Calls(name);
            var perClick = calls.Distinct().Select(c => $"{c.Reads} read + {c.Writes} write").ToList();
            var write = name.StartsWith("comment", StringComparison.Ordinal) ? Update : Stimulus;
            var reference = Median(samples, Read) + Median(samples, write);
            var median = Median(samples, name);
            var own = samples.Times(Samples.BotOwn(name));
            Line($"| {name} | {string.Join(" / ", perClick)} | {Ms(median)} | {Ms(Samples.Percentile(samples.Times(name), 0.9))} | {Ms(reference)} | {Signed(median - reference)} | {Ms(Samples.Percentile(own, 0.5))}, {Ms(Samples.Percentile(own, 0.9))} |");
        }
    }

    private static TimeSpan Median(Samples samples, string name) => Samples.Percentile(samples.Times(name), 0.5);

    private static string Ms(TimeSpan value) => string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:F0} ms");

    private static string Signed(TimeSpan value) => string.Create(CultureInfo.InvariantCulture, $"{(value >= TimeSpan.Zero ? "+" : "−")}{Math.Abs(value.TotalMilliseconds):F0} ms");

    private static void Line(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
