using System.Globalization;
using ChatOpsBot.Testing;

namespace ChatOpsBot.Benchmarks.Load;

/// <summary>
/// Load run of POST /api/messages on loopback: a loopback OpenID/JWKS server signs a valid test token, a loopback
/// Connector sink takes the replies, the bot runs as a separate process (so its RSS is its own), wrk measures the
/// throughput, and an open-loop generator measures the latency at a fixed rate.
/// Usage: <c>load [--duration 20] [--rate 320] [--connections 32]</c>.
/// </summary>
internal static class LoadRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var duration = BenchmarkArgs.Int(args, "--duration", 20);
        var rate = BenchmarkArgs.Int(args, "--rate", 320);
        var connections = BenchmarkArgs.Int(args, "--connections", 32);

        using var key = new TestSigningKey("load-key", "msteams");
        await using var openId = await OpenIdServer.StartAsync(TokenMinter.BotFrameworkIssuer, key);
        await using var sink = await FakeConnector.StartScriptedAsync();
        var serviceUrl = new Uri(sink.BaseAddress, "amer/").ToString();
        var token = TokenMinter.Sign(key, TokenMinter.BotFrameworkClaims(BotProcess.AppId, serviceUrl, DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromHours(2)));

        await using var bot = await BotProcess.StartAsync(
            openId,
            sink,
            ["--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information"],
            new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production" });
        var baseAddress = bot.BaseAddress!;

        await Task.Delay(2000);
        var startedRss = bot.RssMegabytes();
        var template = ActivityTemplate(serviceUrl);
        using var client = new HttpClient { BaseAddress = baseAddress };
        await OpenLoop.RunAsync(client, template, token, rate: 50, TimeSpan.FromSeconds(3));
        await Task.Delay(2000);
        var idleRss = bot.RssMegabytes();

        var wrk = await Wrk.RunAsync(baseAddress, template, token, duration, connections);
        var afterWrkRss = bot.RssMegabytes();
        await Task.Delay(2000);

        var fixedRate = await OpenLoop.RunAsync(client, template, token, rate, TimeSpan.FromSeconds(duration));
        await Task.Delay(2000);

        var posted = wrk.Requests + fixedRate.Sent + fixedRate.WarmupSent;
        Console.WriteLine();
        Console.WriteLine("== ChatOpsBot /api/messages load run (loopback) ==");
        Console.WriteLine(wrk.RawOutput);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrk ({connections} connections, {duration} s): {wrk.RequestsPerSecond:F0} activities/s, p50 {wrk.P50}, p99 {wrk.P99}, non-2xx {wrk.Non2xx}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fixed rate {rate}/s for {duration} s: sent {fixedRate.Sent}, errors {fixedRate.Errors}, p50 {fixedRate.P50Ms:F2} ms, p99 {fixedRate.P99Ms:F2} ms, max {fixedRate.MaxMs:F2} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RSS: idle after start {startedRss:F0} MB, idle after 150 warm-up activities {idleRss:F0} MB, after wrk {afterWrkRss:F0} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"replies received by the connector sink: {sink.Requests.Count} for about {posted} activities posted"));
        return 0;
    }

    /// <summary>A personal-chat message whose id is filled per request (the bot dedupes ids).</summary>
    private static string ActivityTemplate(string serviceUrl) =>
        """{"type":"message","id":"ID_PLACEHOLDER","timestamp":"2026-11-28T10:00:00.1234567Z","serviceUrl":"SERVICE_URL","channelId":"msteams","from":{"id":"29:1load-user","name":"Support INSA Lyon","aadObjectId":"8d0c6b2c-0000-4000-8000-000000000001"},"recipient":{"id":"28:bot","name":"ChatOpsBot"},"conversation":{"id":"a:1load-conversation","conversationType":"personal","tenantId":"tenant-1"},"text":"aide","textFormat":"plain","locale":"fr-FR","channelData":{"tenant":{"id":"tenant-1"}}}"""
            .Replace("SERVICE_URL", serviceUrl, StringComparison.Ordinal);
}
