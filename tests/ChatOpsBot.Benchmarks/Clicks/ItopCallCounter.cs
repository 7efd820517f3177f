using System.Net;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Benchmarks.Clicks;

/// <summary>
/// Counts the bot's calls to iTop's rest.php (reads = core/get, writes = the rest), with a handler on every HttpClient
/// of the bot, outside the iTop client's resilience pipeline (a retry would be counted; none happened in the runs).
/// </summary>
internal sealed class ItopCallCounter
{
    private long _reads;
    private long _writes;
    private long _ticks;

    /// <summary>Calls so far, and the time spent waiting for iTop's answers (request sent → answer received).</summary>
    public (long Reads, long Writes, TimeSpan InItop) Snapshot() =>
        (Interlocked.Read(ref _reads), Interlocked.Read(ref _writes), System.Diagnostics.Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks)));

    public DelegatingHandler CreateHandler() => new CountingHandler(this);

    private sealed class CountingHandler(ItopCallCounter counter) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri?.AbsolutePath.EndsWith("/webservices/rest.php", StringComparison.Ordinal) == true && request.Content is not null)
            {
                await request.Content.LoadIntoBufferAsync(cancellationToken);
                var form = await request.Content.ReadAsStringAsync(cancellationToken);
                var data = form.Split('&').First(p => p.StartsWith("json_data=", StringComparison.Ordinal))["json_data=".Length..];
                var read = JsonNode.Parse(WebUtility.UrlDecode(data))?["operation"]?.GetValue<string>() == "core/get";
                Interlocked.Increment(ref read ? ref counter._reads : ref counter._writes);
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            Interlocked.Add(ref counter._ticks, System.Diagnostics.Stopwatch.GetTimestamp() - started);
            return response;
        }
    }
}
