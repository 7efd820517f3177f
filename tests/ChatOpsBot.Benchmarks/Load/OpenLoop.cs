using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace ChatOpsBot.Benchmarks.Load;

/// <summary>
/// An open-loop generator: starts one request every 1/rate seconds whatever the answers do (so a slow server shows
/// up in the latency instead of lowering the rate, which a closed loop such as wrk would hide).
/// </summary>
internal static class OpenLoop
{
    public sealed record Result(int Sent, int WarmupSent, int Errors, double P50Ms, double P99Ms, double MaxMs);

    public static async Task<Result> RunAsync(HttpClient client, string template, string token, int rate, TimeSpan duration)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var errors = 0;
        var tasks = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        var run = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
                {
                    Content = new StringContent(template.Replace("ID_PLACEHOLDER", $"open-{run}-{index}", StringComparison.Ordinal), Encoding.UTF8, "application/json"),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(request);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }));
        }

        await Task.WhenAll(tasks);
        Array.Sort(latencies);
        return new Result(total, 0, errors, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1]);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
