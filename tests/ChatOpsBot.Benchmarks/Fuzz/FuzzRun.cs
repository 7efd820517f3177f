using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ChatOpsBot.Testing;
using ChatOpsBot.Benchmarks.Load;
using ChatOpsBot.Testing.Fuzz;

namespace ChatOpsBot.Benchmarks.Fuzz;

/// <summary>
/// Malformed activities against the bot in its own process (the real composition with token checks, as the load run
/// starts it): the answers by status, the bot's RSS after each slice, and what it logged (lines by level, stack trace
/// lines, bytes). Usage: <c>fuzz [--count 50000] [--slice 10000] [--seed 12] [--parallel 8] [--log file] [--only text] [--except text] [--collect] [--hold seconds]</c>
/// (<c>--only</c> sends only the cases whose description contains the text).
/// </summary>
internal static partial class FuzzRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = BenchmarkArgs.Int(args, "--count", 50_000);
        var slice = BenchmarkArgs.Int(args, "--slice", 10_000);
        var seed = BenchmarkArgs.Int(args, "--seed", 12);
        var parallel = BenchmarkArgs.Int(args, "--parallel", 8);

        using var key = new TestSigningKey("fuzz-key", "msteams");
        await using var openId = await OpenIdServer.StartAsync(TokenMinter.BotFrameworkIssuer, key);
        await using var sink = await FakeConnector.StartScriptedAsync();
        var serviceUrl = new Uri(sink.BaseAddress, "amer/").ToString();
        var token = TokenMinter.Sign(key, TokenMinter.BotFrameworkClaims(BotProcess.AppId, serviceUrl, DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromHours(4)));

        await using var bot = await BotProcess.StartAsync(openId, sink, ["--Notifications:Enabled=false"], BotEnvironment());
        var baseAddress = bot.BaseAddress!;
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

        await Task.Delay(2000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {seed}, {count} malformed activities, {parallel} in flight; RSS ready {bot.RssMegabytes():F0} MB"));
        Console.WriteLine("  GC: " + await client.GetStringAsync("debug/gc"));
        Console.WriteLine("  map: " + MemoryMap.Summary(bot.Id));
        var statuses = new SortedDictionary<int, int>();
        var generator = new MalformedActivities(seed, new FuzzTarget(serviceUrl, "28:" + BotProcess.AppId, []));
        var only = BenchmarkArgs.Text(args, "--only");
        var except = BenchmarkArgs.Text(args, "--except");
        var failures = 0;
        for (var done = 0; done < count;)
        {
            var batch = generator.Take(Math.Min(slice, count - done)).Where(c => (only is null || c.Description.Contains(only, StringComparison.Ordinal)) && (except is null || !c.Description.Contains(except, StringComparison.Ordinal))).ToList();
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (fuzz, ct) =>
            {
                var status = await PostAsync(client, token, fuzz.Body, ct);
                lock (statuses)
                {
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    failures += status is >= 500 or 0 ? 1 : 0;
                }
            });
            done += Math.Min(slice, count - done);
            await Task.Delay(1000);
            var log = LogFigures.Of(bot.Output);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"after {done} ({batch.Count} sent): RSS {bot.RssMegabytes():F0} MB; log {log}"));
            Console.WriteLine("  GC: " + await client.GetStringAsync("debug/gc"));
            Console.WriteLine("  map: " + MemoryMap.Summary(bot.Id));
        }

        await Task.Delay(5000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle 5 s later: RSS {bot.RssMegabytes():F0} MB"));
        if (args.Contains("--collect"))
        {
            Console.WriteLine("  after a forced full GC: " + await client.GetStringAsync("debug/gc?collect=true"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  RSS {bot.RssMegabytes():F0} MB"));
        }

        if (BenchmarkArgs.Int(args, "--hold", 0) is > 0 and var hold)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"holding the bot (pid {bot.Id}) for {hold} s"));
            await Task.Delay(TimeSpan.FromSeconds(hold));
        }

        Console.WriteLine("answers: " + string.Join(", ", statuses.Select(s => $"{s.Key} × {s.Value}")));
        Console.WriteLine(bot.HasExited ? "the bot EXITED (" + bot.ExitCode + ")" : "the bot is still running");
        Console.WriteLine("error lines (distinct, first 20):\n" + string.Join("\n", LogFigures.Errors(bot.Output).Take(20)));
        if (BenchmarkArgs.Text(args, "--log") is { } logFile)
        {
            await File.WriteAllTextAsync(logFile, bot.Output);
        }

        return failures == 0 && !bot.HasExited ? 0 : 1;
    }

    /// <summary>
    /// Production as the container image runs it (infra/Dockerfile: <c>MALLOC_ARENA_MAX=2</c>), plus every <c>BOT_X=v</c> of
    /// this process as <c>X=v</c> (experiments: <c>BOT_MALLOC_ARENA_MAX=</c> to measure without the cap).
    /// </summary>
    private static Dictionary<string, string> BotEnvironment()
    {
        var environment = new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production", ["MALLOC_ARENA_MAX"] = "2" };
        foreach (var entry in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>())
        {
            if (entry.Key is string name && name.StartsWith("BOT_", StringComparison.Ordinal) && entry.Value is string value)
            {
                if (value.Length == 0)
                {
                    environment.Remove(name[4..]);
                }
                else
                {
                    environment[name[4..]] = value;
                }

                Console.WriteLine("bot environment: " + name[4..] + "=" + value);
            }
        }

        return environment;
    }

    private static async Task<int> PostAsync(HttpClient client, string token, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    /// <summary>Counts in the console log: lines by level, stack-trace lines, size.</summary>
    private static partial class LogFigures
    {
        public static string Of(string output)
        {
            var errors = Regex.Count(output, "^fail: ", RegexOptions.Multiline);
            var warnings = Regex.Count(output, "^warn: ", RegexOptions.Multiline);
            var stack = StackLine().Count(output);
            return string.Create(CultureInfo.InvariantCulture, $"{errors} errors, {warnings} warnings, {stack} stack-trace lines, {output.Length / 1024.0 / 1024.0:F1} MB");
        }

        /// <summary>Each error line with the message line that follows it, once per distinct message.</summary>
        public static IEnumerable<string> Errors(string output)
        {
            var lines = output.Split('\n');
            return lines.Select((line, i) => (line, i))
                .Where(x => x.line.StartsWith("fail: ", StringComparison.Ordinal) && x.i + 1 < lines.Length)
                .Select(x => Cut(x.line.Trim() + " " + lines[x.i + 1].Trim() + " " + (x.i + 2 < lines.Length ? lines[x.i + 2].Trim() : string.Empty)))
                .Distinct();
        }

        private static string Cut(string line) => line.Length <= 300 ? line : line[..300] + "…";

        [GeneratedRegex(@"^\s+at ", RegexOptions.Multiline)]
        private static partial Regex StackLine();
    }
}
