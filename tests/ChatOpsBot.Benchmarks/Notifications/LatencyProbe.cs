using System.Diagnostics;

namespace ChatOpsBot.Benchmarks.Notifications;

/// <summary>
/// Changes made in the iTop console one after the other, each at a random offset within the poll interval (so they fall
/// anywhere in the poll cycle); a change's latency runs from just before its console request to the arrival at the
/// Connector sink of the last of its expected posts (a new thread in each channel that follows its brique or team).
/// The bot's iTop requests and polls are counted over the same span.
/// </summary>
internal static class LatencyProbe
{
    public sealed record Result(
        double PollSeconds, int Subscriptions, int ChannelsPerChange, IReadOnlyList<TimeSpan> Latencies, int Duplicates, long Polls, ItopRequests Requests);

    public static async Task<Result> RunAsync(NotifyHost host, int changes, int subscriptions, IReadOnlyCollection<string> postedChannels)
    {
        var start = host.Sink.Requests.Count;
        var polls = host.Poller.Polls;
        var requests = host.ItopRequests.Snapshot();
        var latencies = new List<TimeSpan>(changes);
        var references = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < changes; i++)
        {
            await Task.Delay(host.PollInterval * Random.Shared.NextDouble());
            var before = host.Sink.Requests.Count;
            var started = Stopwatch.GetTimestamp();
            var (_, reference) = await host.Itop.CreateTicketAsync($"Latence {subscriptions}-{i}");
            references.Add(reference);
            var timeout = host.PollInterval * 3 + TimeSpan.FromSeconds(30);
            var posts = await host.WaitForPostsAsync(before, p => Threads(p, reference, postedChannels).Count() == postedChannels.Count, timeout);
            latencies.Add(Stopwatch.GetElapsedTime(started, Threads(posts, reference, postedChannels).Max(p => p.ReceivedAt)));
        }

        // Let a late duplicate show up before counting.
        await Task.Delay(host.PollInterval + TimeSpan.FromSeconds(1));
        var duplicates = host.Sink.Requests.Skip(start).Select(SinkPost.From).OfType<SinkPost>()
            .Where(p => p.IsThreadStart && references.Contains(p.TicketRef!))
            .GroupBy(p => (p.ConversationId, p.TicketRef))
            .Sum(g => g.Count() - 1);
        return new Result(host.PollInterval.TotalSeconds, subscriptions, postedChannels.Count, latencies, duplicates, host.Poller.Polls - polls, host.ItopRequests.Snapshot() - requests);
    }

    /// <summary>The first post of the ticket in each expected channel.</summary>
    private static IEnumerable<SinkPost> Threads(IEnumerable<SinkPost> posts, string reference, IReadOnlyCollection<string> channels) =>
        posts.Where(p => p.IsThreadStart && p.TicketRef == reference && channels.Contains(p.ConversationId)).DistinctBy(p => p.ConversationId);
}
