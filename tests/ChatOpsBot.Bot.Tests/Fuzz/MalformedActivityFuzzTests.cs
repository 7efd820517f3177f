using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Testing.Fuzz;
using Xunit.Abstractions;

namespace ChatOpsBot.Bot.Tests.Fuzz;

/// <summary>
/// Issue 12: a seeded stream of malformed activities (tests/ChatOpsBot.Testing/Fuzz) against the whole bot — real
/// /api/messages, SQLite state, the sandbox iTop, the loopback Teams. No answer is a 5xx, nothing is logged as an error
/// nor with a stack trace, and the bot still answers afterwards. The RSS under the same garbage is measured by the fuzz
/// benchmark, not here.
/// </summary>
public sealed class MalformedActivityFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261201;
    private const int Cases = 3000;

    [Fact]
    public async Task Three_thousand_malformed_activities_get_no_5xx_no_error_and_the_bot_keeps_answering()
    {
        await using var host = await BotTestHost.StartAsync();
        var senders = TestUsers.All.Select(u => (u.TeamsId, u.ConversationId)).ToList();
        var generator = new MalformedActivities(Seed, new FuzzTarget(host.Teams.BaseAddress.ToString(), TeamsActivity.BotId, senders));
        var statuses = new ConcurrentDictionary<int, int>();
        var serverErrors = new ConcurrentQueue<string>();

        await Parallel.ForEachAsync(generator.Take(Cases), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (fuzz, ct) =>
        {
            using var content = new ByteArrayContent(fuzz.Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await host.Http.PostAsync(new Uri(host.BotAddress, "api/messages"), content, ct);
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (status >= 500)
            {
                serverErrors.Enqueue(fuzz + " → " + status + " " + await response.Content.ReadAsStringAsync(ct));
            }
        });
        await QuietAsync(host);

        var summary = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value}"));
        output.WriteLine($"seed {Seed}, {Cases} malformed activities: {summary}; {host.Teams.Sent.Count} activities sent to Teams");
        Assert.True(serverErrors.IsEmpty, $"5xx answers ({summary}):\n" + string.Join("\n", serverErrors.Take(20)));
        Assert.Equal(Cases, statuses.Values.Sum());
        Assert.True(statuses.GetValueOrDefault(400) > Cases / 4, summary);
        Assert.True(statuses.GetValueOrDefault(202) + statuses.GetValueOrDefault(200) > Cases / 4, summary);

        var lines = host.Logs.Lines;
        var errors = lines.Where(l => l.StartsWith("Error ", StringComparison.Ordinal) || l.StartsWith("Critical ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, "Logged as errors:\n" + string.Join("\n", errors.Take(10).Select(Cut)));
        var refusals = lines.Where(l => l.Contains("Malformed activity refused", StringComparison.Ordinal)).ToList();
        // Every refusal of the endpoint is one line (the other 400s are invokes the bot answers itself).
        Assert.InRange(refusals.Count, Cases / 4, statuses.GetValueOrDefault(400));
        Assert.All(refusals, l =>
        {
            Assert.StartsWith("Warning ", l, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", l, StringComparison.Ordinal);
            Assert.True(l.Length < 200, Cut(l));
        });

        // Not crashed: a well-formed command still gets its answer.
        var card = await host.SendForCardAsync(TestUsers.LyonSupport, "/tickets");
        Assert.NotNull(card.Card);
    }

    /// <summary>Waits until the background turns the fuzz queued are done (nothing sent to Teams for a second).</summary>
    private static async Task QuietAsync(BotTestHost host)
    {
        var clock = Stopwatch.StartNew();
        var count = -1;
        while (count != host.Teams.Sent.Count)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "the bot never went quiet");
            count = host.Teams.Sent.Count;
            await Task.Delay(1000);
        }
    }

    private static string Cut(string line) => line.Length <= 400 ? line : line[..400] + "…";
}
