using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatOpsBot.ItopSandbox.Tests.Infrastructure;
using ChatOpsBot.Testing.ItopContract;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using Xunit.Abstractions;

namespace ChatOpsBot.ItopSandbox.Tests.Corpus;

/// <summary>
/// Replays every recorded exchange of tests/TestData/itop-contract, in order, against one sandbox over real HTTP and
/// compares code, message and returned objects/fields. Only values that differ by allocation are ignored: dates and
/// timestamps, stopwatch durations, and ids/refs of objects created during the replay (mapped recorded → sandbox).
/// </summary>
public sealed class CorpusReplayTests(ITestOutputHelper output)
{
    /// <summary>Exchanges the sandbox cannot reproduce, each with why. The test fails if one of them starts passing.</summary>
    private static readonly Dictionary<int, string> KnownDifferences = new()
    {
    };

    /// <summary>The record redacts secrets as ***; these scenarios used a wrong one (which secret, per the scenario text).</summary>
    private static readonly Dictionary<int, WrongSecret> WrongSecrets = new()
    {
        [3] = WrongSecret.Json,   // check_credentials with a wrong 'password' member
        [6] = WrongSecret.Auth,   // wrong auth_pwd
        [8] = WrongSecret.Auth,   // wrong Basic password
        [11] = WrongSecret.Auth,  // invalid Auth-Token
    };

    /// <summary>
    /// Times of exchanges (and of the unrecorded setup calls before them) that their own response does not show but
    /// the history of 158 does; 150 and 158 filter on dates, so the replay clock follows the recording.
    /// </summary>
    private static readonly Dictionary<int, string> RecordedTimes = new()
    {
        [094] = "2026-11-28 12:01:06",
        [105] = "2026-11-28 12:01:08",
        [106] = "2026-11-28 12:01:10",
        [111] = "2026-11-28 12:01:11",
        [115] = "2026-11-28 12:01:11",
        [120] = "2026-11-28 12:01:12",
        [122] = "2026-11-28 12:01:12",
        [124] = "2026-11-28 12:01:13",
        [139] = "2026-11-28 12:01:16",
        [140] = "2026-11-28 12:01:17",
        [142] = "2026-11-28 12:01:17",
        [143] = "2026-11-28 12:01:18",
        [144] = "2026-11-28 12:01:18",
    };

    /// <summary>
    /// Dates and stopwatch durations are allocation values and are ignored. The replay clock follows the recording
    /// anyway (so the date filters of 150/158 work); with true, only 158 differs: the recording stamps the changes of
    /// 137 at 12:01:16 while 137's own response says 12:01:15 (one clock cannot give both).
    /// </summary>
    private static readonly CorpusComparer Comparer = new() { CompareTimes = false };

    private static readonly ReplaySecrets Secrets = new(_ => "sandbox", "sandbox-token");

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task Every_corpus_exchange_replays_against_the_sandbox()
    {
        var exchanges = CorpusExchange.LoadAll();
        Assert.Equal(167, exchanges.Count);

        var clock = new FakeTimeProvider(ParisTime("2026-11-28 12:00:00"));
        clock.SetLocalTimeZone(TimeZoneInfo.Local);
        await using var host = await ItopSandboxHost.StartAsync(new ItopSandboxOptions { TimeProvider = clock });
        using var client = new SandboxClient(host.BaseAddress);
        var replay = new CorpusReplay(Secrets, Comparer);

        var outcome = new ReplayOutcome();
        foreach (var exchange in exchanges)
        {
            var number = exchange.Number;
            Advance(clock, exchange.ExpectedBody);
            if (RecordedTimes.TryGetValue(number, out var time) && ParisTime(time) > clock.GetUtcNow())
            {
                clock.SetUtcNow(ParisTime(time));
            }

            foreach (var step in CorpusSetupSteps.Before(number))
            {
                Assert.Equal(0, (await client.BotAsync(replay.TranslateRequest(step)))["code"]!.GetValue<int>());
            }

            var actual = await client.SendAsync(replay.BuildRequest(exchange, WrongSecrets.GetValueOrDefault(number)));
            var diffs = replay.Check(exchange, actual);
            outcome.Record(exchange.Number, diffs);
        }

        var reproduced = outcome.Judge("the sandbox", KnownDifferences, "allow-listed", out var report);
        output.WriteLine(report);
        Assert.True(reproduced, report);
    }

    [Fact]
    public void The_comparison_reports_changed_missing_and_extra_values()
    {
        var expected = (JsonObject)JsonNode.Parse("""{"code":0,"message":"Found: 1","objects":{"Person::2":{"fields":{"name":"Joyeux","date":"2026-11-28 12:00:00"}}}}""")!;
        var same = (JsonObject)JsonNode.Parse("""{"code":0,"message":"Found: 1","objects":{"Person::2":{"fields":{"name":"Joyeux","date":"2026-11-28 13:00:00"}}}}""")!;
        var changed = (JsonObject)JsonNode.Parse("""{"code":0,"message":"Found: 1","objects":{"Person::2":{"fields":{"name":"Joyeuse","date":"2026-11-28 12:00:00"}}}}""")!;
        var extra = (JsonObject)JsonNode.Parse("""{"code":0,"message":"Found: 1","objects":{"Person::2":{"fields":{"name":"Joyeux","date":""}},"Person::3":{}}}""")!;

        var diffs = new List<string>();
        Comparer.Compare(expected, same, "body", diffs);
        Assert.Empty(diffs);
        Comparer.Compare(expected, changed, "body", diffs);
        Assert.Single(diffs);
        diffs.Clear();
        Comparer.Compare(expected, extra, "body", diffs);
        Assert.Equal(3, diffs.Count); // key order, unexpected Person::3, date emptied
    }

    /// <summary>Moves the sandbox clock to the latest date the recorded response shows (never backwards).</summary>
    private static void Advance(FakeTimeProvider clock, JsonNode body)
    {
        foreach (Match m in Regex.Matches(body.ToJsonString(), @"2026-11-28 \d\d:\d\d:\d\d"))
        {
            var t = ParisTime(m.Value);
            if (t > clock.GetUtcNow())
            {
                clock.SetUtcNow(t);
            }
        }
    }

    private static DateTimeOffset ParisTime(string text)
    {
        var local = DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, Paris.GetUtcOffset(local));
    }
}
