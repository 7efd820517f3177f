using System.Diagnostics;
using ChatOpsBot.Bot.Notifications;
using Xunit.Abstractions;

namespace ChatOpsBot.Bot.Tests.Notifications;

/// <summary>The benchmark's figures, asserted: change → post within the poll interval + 1 s; one iTop query per poll.</summary>
public sealed class LatencyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_console_change_is_posted_within_the_poll_interval_plus_one_second_with_one_feed_query_per_poll()
    {
        const double interval = 1;
        await using var host = await NotificationTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:PollIntervalSeconds"] = interval.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await host.SubscribeAsync("OpenMoodle");
        await host.SubscribeAsync("équipe Intervenants Moodle", "19:team-a@thread.tacv2");
        await host.SubscribeAsync("école INSA Lyon", "19:school-a@thread.tacv2");
        await ConsoleChangeTests.WaitForCursorAsync(host);

        var latencies = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var before = host.Teams.Sent.Count;
            var clock = Stopwatch.StartNew();
            var (_, reference) = await host.ConsoleCreateTicketAsync("Latence " + i);
            await host.Teams.WaitForAsync(s => s.CardText.Contains(reference, StringComparison.Ordinal), before);
            latencies.Add(clock.Elapsed);
            await Task.Delay(Random.Shared.Next(100, 900));
        }

        var poller = host.Service<ChangeFeedPoller>();
        output.WriteLine($"latency change→post (poll {interval} s): max {latencies.Max().TotalMilliseconds:F0} ms, mean {latencies.Average(l => l.TotalMilliseconds):F0} ms");
        output.WriteLine($"polls {poller.Polls}, feed queries {poller.FeedQueries}");
        // The goal is interval + 1 s; a single slow sample on a loaded CI machine gets 2 s more before failing.
        Assert.True(latencies.Average(l => l.TotalSeconds) <= interval + 1, "mean latency " + latencies.Average(l => l.TotalSeconds));
        Assert.All(latencies, l => Assert.True(l <= TimeSpan.FromSeconds(interval + 3), "latency " + l));

        // Three subscriptions, one feed query per poll (every change fits one page).
        Assert.Equal(poller.Polls, poller.FeedQueries);
    }
}
