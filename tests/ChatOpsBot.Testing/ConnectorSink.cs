using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ChatOpsBot.Testing;

/// <summary>
/// A loopback stand-in for the Bot Connector: records every request (method, raw path, headers, body) and answers
/// from a script (queued responses first, then <see cref="DefaultResponse"/>); an answer can be held back
/// (<see cref="Hold"/>).
/// </summary>
public sealed class ConnectorSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<SinkResponse> _script = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly ConcurrentQueue<HeldResponse> _holds = new();
    private LoopbackApp? _app;

    /// <summary>http://127.0.0.1:port/ — use as a serviceUrl (any path prefix works, e.g. <c>amer/</c>).</summary>
    public Uri BaseAddress => _app!.BaseAddress;

    public SinkResponse DefaultResponse { get; set; } = SinkResponse.Created("1");

    /// <summary>Answers a request before the script does (e.g. a member lookup with the user's e-mail); null leaves it to the script.</summary>
    public Func<RecordedRequest, SinkResponse?>? Responder { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<ConnectorSink> StartAsync()
    {
        var sink = new ConnectorSink();
        sink._app = await LoopbackHost.StartAsync(null, app => app.Run(sink.HandleAsync));
        return sink;
    }

    /// <summary>Queues answers for the next requests, in order.</summary>
    public void Enqueue(params SinkResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
    }

    /// <summary>
    /// Holds the answer to the first later request that matches <paramref name="match"/> until the returned hold is
    /// released: the caller sees neither a response nor an error meanwhile (e.g. to kill it with a send in flight).
    /// </summary>
    public HeldResponse Hold(Func<RecordedRequest, bool> match)
    {
        var hold = new HeldResponse(match);
        _holds.Enqueue(hold);
        return hold;
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived in total; false on timeout.</summary>
    public async Task<bool> WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (Requests.Count < count)
            {
                await _arrived.WaitAsync(cts.Token);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return Requests.Count >= count;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hold in _holds)
        {
            hold.Release();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _arrived.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var receivedAt = Stopwatch.GetTimestamp();
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new RecordedRequest(context.Request.Method, rawTarget, headers, body) { ReceivedAt = receivedAt };
        lock (_gate)
        {
            _requests.Add(request);
        }

        _arrived.Release();
        if (_holds.FirstOrDefault(h => h.TryTake(request)) is { } hold && !await hold.WaitForReleaseAsync(context.RequestAborted))
        {
            return;
        }

        var response = Responder?.Invoke(request) ?? (_script.TryDequeue(out var scripted) ? scripted : DefaultResponse);
        context.Response.StatusCode = response.Status;
        if (response.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = response.RetryAfter;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(response.Body, context.RequestAborted);
        }
    }
}
