using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Benchmarks.Load;

/// <summary>Runs wrk (Debian package) with a Lua script giving every request its own activity id.</summary>
internal static partial class Wrk
{
    public sealed record Result(string RawOutput, double RequestsPerSecond, long Requests, string P50, string P99, long Non2xx);

    public static async Task<Result> RunAsync(Uri baseAddress, string template, string token, int durationSeconds, int connections)
    {
        var script = Path.Combine(Path.GetTempPath(), $"chatopsbot-wrk-{Environment.ProcessId}.lua");
        var parts = template.Split("ID_PLACEHOLDER");
        await File.WriteAllTextAsync(script, $$"""
            local counter = 0
            local thread_id = 0
            setup = function(thread)
              thread_id = thread_id + 1
              thread:set("tid", thread_id)
            end
            request = function()
              counter = counter + 1
              local body = [=[{{parts[0]}}]=] .. "wrk-" .. tid .. "-" .. counter .. [=[{{parts[1]}}]=]
              return wrk.format("POST", "/api/messages", {
                ["Content-Type"] = "application/json",
                ["Authorization"] = "Bearer {{token}}"
              }, body)
            end
            """);
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-t2", $"-c{connections}", $"-d{durationSeconds}s", "--latency", "-s", script, baseAddress.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(script);

        var rps = double.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var total = long.Parse(Total().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var non2xx = Non2xx().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new Result(output, rps, total, Percentile(output, "50%"), Percentile(output, "99%"), non2xx);
    }

    private static string Percentile(string output, string label) =>
        Regex.Match(output, @"^\s*" + Regex.Escape(label) + @"\s+(\S+)", RegexOptions.Multiline).Groups[1].Value;

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex Requests();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Total();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xx();
}
