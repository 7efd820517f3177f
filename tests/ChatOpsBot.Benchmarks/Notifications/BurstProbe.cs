using System.Diagnostics;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Notifications;

namespace ChatOpsBot.Benchmarks.Notifications;

/// <summary>
/// A burst: many tickets created in the iTop console at once, each announced in every channel subscribed to its brique.
/// Measures the arrival rates at the Connector sink per conversation and overall, and checks that every notification
/// arrived exactly once and that the outbox ends empty with every item delivered.
/// </summary>
internal static class BurstProbe
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(60);

    public sealed record Result(
        int Tickets,
        int Channels,
        int Delivered,
        int Duplicates,
        int Pending,
        IReadOnlyDictionary<string, int> Outcomes,
        int ConversationMaxPerBurstWindow,
        int ConversationMaxPerWindow,
        double ConversationPerSecond,
        int TenantMaxPerWindow,
        double TenantPerSecond,
        TimeSpan Duration,
        NotificationOptions Limits)
    {
        public int Expected => Tickets * Channels;
    }

    public static async Task<Result> RunAsync(NotifyHost host, int tickets, int channels)
    {
        var channelIds = Enumerable.Range(1, channels).Select(i => $"19:burst-{i}@thread.tacv2").ToList();
        foreach (var channel in channelIds)
        {
            await host.SubscribeAsync(channel, "OpenMoodle");
        }

        await host.WaitForCursorAsync();
        var before = host.Sink.Requests.Count;
        var started = Stopwatch.GetTimestamp();
        var references = new HashSet<string>(StringComparer.Ordinal);
        var gate = new Lock();
        await Parallel.ForEachAsync(Enumerable.Range(0, tickets), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var (_, reference) = await host.Itop.CreateTicketAsync("Rafale " + i, cancellationToken: ct);
            lock (gate)
            {
                references.Add(reference);
            }
        });

        var posts = await WaitForDeliveryAsync(host, before, references, tickets * channels);
        if (posts.Count == 0)
        {
            throw new InvalidOperationException("No notification of the burst reached the Connector sink.");
        }

        var distinct = posts.DistinctBy(p => (p.ConversationId, p.TicketRef)).Count();
        var (pending, outcomes) = await host.OutboxAsync();
        var byConversation = posts.GroupBy(p => p.ConversationId).Select(g => g.Select(p => p.ReceivedAt).Order().ToList()).ToList();
        var all = posts.Select(p => p.ReceivedAt).Order().ToList();
        var o = host.Options;
        return new Result(
            tickets,
            channels,
            distinct,
            posts.Count - distinct,
            pending,
            outcomes,
            byConversation.Max(c => Rates.MaxInWindow(c, o.ConversationBurstWindow)),
            byConversation.Max(c => Rates.MaxInWindow(c, o.ConversationWindow)),
            byConversation.Average(Rates.PerSecond),
            Rates.MaxInWindow(all, o.TenantWindow),
            Rates.PerSecond(all),
            Stopwatch.GetElapsedTime(started, all[^1]),
            o);
    }

    /// <summary>The burst's thread starts, once all expected arrived and the outbox is empty, or after a stall.</summary>
    private static async Task<List<SinkPost>> WaitForDeliveryAsync(NotifyHost host, int before, HashSet<string> references, int expected)
    {
        var progress = Stopwatch.StartNew();
        var seen = 0;
        while (true)
        {
            await Task.Delay(500);
            var posts = BurstPosts();
            if (posts.Count >= expected && (await host.OutboxAsync()).Pending == 0)
            {
                // Let a late duplicate show up before counting.
                await Task.Delay(2000);
                return BurstPosts();
            }

            if (posts.Count > seen)
            {
                seen = posts.Count;
                progress.Restart();
            }
            else if (progress.Elapsed > Stall)
            {
                Console.Error.WriteLine($"burst stalled: {posts.Count} of {expected} notifications after {Stall.TotalSeconds:F0} s without progress");
                return posts;
            }
        }

        List<SinkPost> BurstPosts() => host.Sink.Requests.Skip(before).Select(SinkPost.From).OfType<SinkPost>()
            .Where(p => p.IsThreadStart && references.Contains(p.TicketRef!)).ToList();
    }
}
