namespace ChatOpsBot.Benchmarks.Notifications;

/// <summary>
/// The notifications benchmark (issue 6): latency from an iTop console change to the Connector post, iTop requests per
/// poll with 1 and 4 subscriptions, and the delivery rate of a burst under the Teams limits, to one and to many channels.
/// Each poll interval and each burst gets a fresh bot, sandbox and state.
/// Usage: <c>notify [--poll 1,5] [--changes 20] [--burst 200] [--channels 10]</c>.
/// </summary>
internal static class NotifyRun
{
    private const string MoodleChannel = "19:bench-moodle@thread.tacv2";
    private const string TeamChannel = "19:bench-intervenants-moodle@thread.tacv2";
    private const string SchoolChannel = "19:bench-support-lyon@thread.tacv2";
    private const string SecondMoodleChannel = "19:bench-moodle-2@thread.tacv2";

    public static async Task<int> RunAsync(string[] args)
    {
        var polls = BenchmarkArgs.Numbers(args, "--poll", 1, 5);
        var changes = BenchmarkArgs.Int(args, "--changes", 20);
        var burst = BenchmarkArgs.Int(args, "--burst", 200);
        var channels = BenchmarkArgs.Int(args, "--channels", 10);

        var latencies = new List<LatencyProbe.Result>();
        foreach (var poll in polls)
        {
            latencies.AddRange(await MeasureLatencyAsync(poll, changes));
        }

        var bursts = new List<BurstProbe.Result>();
        foreach (var count in new[] { 1, channels }.Distinct())
        {
            Console.Error.WriteLine($"burst: {burst} tickets to {count} channel(s), poll {polls[0]} s");
            await using var host = await NotifyHost.StartAsync(polls[0]);
            bursts.Add(await BurstProbe.RunAsync(host, burst, count));
        }

        NotifyReport.Print(latencies, bursts);
        return bursts.All(b => b.Delivered == b.Expected && b.Duplicates == 0 && b.Pending == 0) && latencies.All(l => l.Duplicates == 0) ? 0 : 1;
    }

    /// <summary>Half the changes with one subscribed channel, half with four subscriptions (three channels get each new ticket).</summary>
    private static async Task<LatencyProbe.Result[]> MeasureLatencyAsync(double poll, int changes)
    {
        Console.Error.WriteLine($"latency: poll {poll} s, {changes} changes");
        await using var host = await NotifyHost.StartAsync(poll);
        await host.SubscribeAsync(MoodleChannel, "OpenMoodle");
        await host.WaitForCursorAsync();
        var one = await LatencyProbe.RunAsync(host, changes / 2, 1, [MoodleChannel]);

        await host.SubscribeAsync(TeamChannel, "équipe Intervenants Moodle");
        await host.SubscribeAsync(SchoolChannel, "école INSA Lyon"); // resolutions only: gets none of these
        await host.SubscribeAsync(SecondMoodleChannel, "OpenMoodle");
        var four = await LatencyProbe.RunAsync(host, changes - (changes / 2), 4, [MoodleChannel, TeamChannel, SecondMoodleChannel]);
        return [one, four];
    }
}
