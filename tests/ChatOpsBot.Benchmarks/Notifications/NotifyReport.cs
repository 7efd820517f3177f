using System.Globalization;

namespace ChatOpsBot.Benchmarks.Notifications;

/// <summary>Prints the notifications benchmark's figures as markdown tables.</summary>
internal static class NotifyReport
{
    public static void Print(IReadOnlyList<LatencyProbe.Result> latencies, IReadOnlyList<BurstProbe.Result> bursts)
    {
        Console.WriteLine();
        Console.WriteLine("Latency, iTop console change → post at the Connector (each change at a random offset in the poll cycle):");
        Console.WriteLine();
        Console.WriteLine("| poll interval | subscriptions | channels posted per change | changes | p50 | mean | max | goal (interval + 1 s) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var l in latencies)
        {
            var sorted = l.Latencies.Order().ToList();
            var goal = TimeSpan.FromSeconds(l.PollSeconds + 1);
            var met = sorted[^1] <= goal ? "met by every change" : $"{sorted.Count(s => s > goal)} of {sorted.Count} over";
            Line($"| {l.PollSeconds} s | {l.Subscriptions} | {l.ChannelsPerChange} | {sorted.Count} | {Ms(sorted[(sorted.Count - 1) / 2])} | {Ms(TimeSpan.FromTicks((long)sorted.Average(s => s.Ticks)))} | {Ms(sorted[^1])} | ≤ {goal.TotalSeconds} s: {met} |");
        }

        Console.WriteLine();
        Console.WriteLine("iTop requests during those runs (the bot's requests to the sandbox, by kind):");
        Console.WriteLine();
        Console.WriteLine("| poll interval | subscriptions | polls | changes | feed queries | single-ticket reads | other | feed queries per poll | iTop requests per poll |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var l in latencies)
        {
            var r = l.Requests;
            Line($"| {l.PollSeconds} s | {l.Subscriptions} | {l.Polls} | {l.Latencies.Count} | {r.FeedQueries} | {r.TicketReads} | {r.Other} | {(double)r.FeedQueries / l.Polls:F2} | {(double)r.Total / l.Polls:F2} |");
        }

        Console.WriteLine();
        Console.WriteLine("Delivery of a burst under the Teams limits (arrivals at the Connector sink):");
        Console.WriteLine();
        var limits = bursts[0].Limits;
        Line($"| burst | notifications | delivered once | duplicates | missing | outbox at the end | per conversation: most in {limits.ConversationBurstWindow.TotalSeconds} s (limit {limits.ConversationBurstLimit}) | most in {limits.ConversationWindow.TotalSeconds} s (limit {limits.ConversationLimit}) | mean rate | overall: most in {limits.TenantWindow.TotalSeconds} s (tenant limit {limits.TenantLimit}) | overall mean rate | first create → last post |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var b in bursts)
        {
            var outbox = $"{b.Pending} pending, " + string.Join(", ", b.Outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Value} {o.Key}"));
            Line($"| {b.Tickets} tickets → {b.Channels} channel(s) | {b.Expected} | {b.Delivered} | {b.Duplicates} | {b.Expected - b.Delivered} | {outbox} | {b.ConversationMaxPerBurstWindow} | {b.ConversationMaxPerWindow} | {b.ConversationPerSecond:F2}/s | {b.TenantMaxPerWindow} | {b.TenantPerSecond:F1}/s | {b.Duration.TotalSeconds:F1} s |");
        }
    }

    private static string Ms(TimeSpan value) => string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:F0} ms");

    private static void Line(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
