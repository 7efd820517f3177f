using ChatOpsBot.Testing.RealItop;
using System.Globalization;
using System.Text.Json.Nodes;
using ChatOpsBot.Testing.ItopContract;
using Xunit;
using Xunit.Abstractions;

namespace ChatOpsBot.Itop.Tests.RealItop;

/// <summary>
/// The recorded exchanges of tests/TestData/itop-contract replayed in order against the real iTop, right after a reset
/// to its seed (the recording's ids): the corpus and the real thing are checked together. Same rebuilding of the
/// requests, same unrecorded setup calls and same comparison as the sandbox's CorpusReplayTests; only what iTop
/// allocates at the moment (dates, stopwatch durations) is ignored. Exchanges left out are listed with why.
/// </summary>
[Collection(RealItopCollection.Name)]
public sealed class RealItopCorpusReplayTests(ITestOutputHelper output)
{
    /// <summary>Exchanges not replayed against the real iTop, each with why. The test fails if one of them passes.</summary>
    private static readonly Dictionary<int, string> LeftOut = new()
    {
    };

    /// <summary>The refused logins of the record: the same requests with a deliberately wrong secret.</summary>
    private static readonly Dictionary<int, WrongSecret> WrongSecrets = new()
    {
        [6] = WrongSecret.Auth,   // wrong auth_pwd
        [8] = WrongSecret.Auth,   // wrong Basic password
        [11] = WrongSecret.Auth,  // invalid Auth-Token
    };

    /// <summary>The kit's throw-away passwords (../shared/itop/README.md, "Accounts"); teams-bot's from ITOP_TEST_PASSWORD.</summary>
    private static readonly Dictionary<string, string> KitPasswords = new(StringComparer.Ordinal)
    {
        ["admin"] = "Admin#Itop2024",
        ["teams-bot"] = "TeamsBot#2024",
        ["jean.dupont"] = "JeanDupont#2024",
        ["rest-admin"] = "RestAdmin#2024",
        ["support-insa-lyon"] = "SupportInsa#2024",
    };

    private static readonly CorpusComparer Comparer = new();

    /// <summary>
    /// 150 and 158 select what changed after a moment of the recording, between exchanges 104 and 105. The replay takes
    /// its own moment there (iTop listens on loopback: the test machine's clock, in iTop's time zone) and waits for the
    /// next second, so that the same changes fall on each side.
    /// </summary>
    private const string RecordedMoment = "2026-11-28 12:01:07";

    private const int FirstExchangeAfterTheMoment = 105;

    private static readonly TimeZoneInfo ItopTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [RealItopFact(ResetsItop = true)]
    public async Task The_corpus_replays_against_the_real_itop()
    {
        await RealItopInstance.ResetAsync();
        var secrets = new ReplaySecrets(PasswordOf, RealItopInstance.Token);
        var replay = new CorpusReplay(secrets, Comparer);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = RealItopInstance.Url, Timeout = TimeSpan.FromSeconds(60) };

        var exchanges = CorpusExchange.LoadAll();
        var outcome = new ReplayOutcome();
        var seconds = new TicketWriteSeconds(TimeProvider.System);
        foreach (var exchange in exchanges)
        {
            if (exchange.Number == FirstExchangeAfterTheMoment)
            {
                replay.MapLiteral(RecordedMoment, await NextSecondAsync());
            }

            foreach (var step in CorpusSetupSteps.Before(exchange.Number))
            {
                var answer = await SendAsync(http, SetupRequest(replay.TranslateRequest(step)));
                Assert.True(answer["code"]!.GetValue<int>() == 0, $"setup before {exchange.Number:D3}: {answer.ToJsonString()}");
            }

            await seconds.BeforeAsync(exchange);
            var actual = await SendAsync(http, replay.BuildRequest(exchange, WrongSecrets.GetValueOrDefault(exchange.Number)));
            seconds.After(exchange);
            var diffs = replay.Check(exchange, actual);
            outcome.Record(exchange.Number, diffs);
        }

        var reproduced = outcome.Judge("the real iTop", LeftOut, "left out", out var report);
        output.WriteLine(report);
        Assert.True(reproduced, report);
    }

    /// <summary>The current second in iTop's time zone, once it is over.</summary>
    private static async Task<string> NextSecondAsync()
    {
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, ItopTimeZone);
        var second = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        await Task.Delay(second.AddSeconds(1) - now + TimeSpan.FromMilliseconds(50));
        return second.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    private static string PasswordOf(string user) => user switch
    {
        "teams-bot" when Environment.GetEnvironmentVariable("ITOP_TEST_PASSWORD") is { Length: > 0 } password => password,
        _ when user.StartsWith("support-insa-", StringComparison.Ordinal) => KitPasswords["support-insa-lyon"],
        _ => KitPasswords.GetValueOrDefault(user, "unknown-account"),
    };

    /// <summary>A setup call as the recorder made its calls: teams-bot, form authentication.</summary>
    private static HttpRequestMessage SetupRequest(JsonObject data) => new(HttpMethod.Post, "webservices/rest.php?version=1.4")
    {
        Content = new FormUrlEncodedContent([new("auth_user", "teams-bot"), new("auth_pwd", PasswordOf("teams-bot")), new("json_data", data.ToJsonString())]),
    };

    private static async Task<JsonObject> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {text}");
            return JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException("not a JSON object: " + text);
        }
    }
}
