using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ChatOpsBot.Testing;

/// <summary>
/// The tests' one loopback Bot Connector. Every request is recorded as sent (<see cref="Requests"/>: method, raw path,
/// headers, body) and answered, in this order, by: a hold (<see cref="Hold"/>, kept back until released), the
/// <see cref="Responder"/>, the queued script (<see cref="Enqueue"/>), <see cref="DefaultResponse"/> when set, else
/// Teams itself as the bot sees it (FakeConnector.Teams.cs: members and rosters, 1:1 chats, sends, replies and updates
/// recorded as <see cref="Sent"/>, throttling). <see cref="StartAsync"/> answers as Teams; <see cref="StartScriptedAsync"/>
/// answers every request not scripted with 201 <c>{"id":"1"}</c>.
/// </summary>
public sealed partial class FakeConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<SinkResponse> _script = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();
    private readonly ConcurrentQueue<HeldResponse> _holds = new();
    private TaskCompletionSource _changed = NewSignal();
    private LoopbackApp? _app;

    private FakeConnector()
    {
    }

    /// <summary>http://127.0.0.1:port/ — use as a serviceUrl (any path prefix works, e.g. <c>amer/</c>).</summary>
    public Uri BaseAddress => _app!.BaseAddress;

    /// <summary>The answer to every request nothing else answers; null: Teams answers (<see cref="StartAsync"/>).</summary>
    public SinkResponse? DefaultResponse { get; set; }

    /// <summary>Answers a request before the script does (e.g. a member lookup with the user's e-mail); null leaves it to the script.</summary>
    public Func<RecordedRequest, SinkResponse?>? Responder { get; set; }

    /// <summary>Every request received, in order, as sent.</summary>
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

    /// <summary>A Connector that answers as Teams does (see the class summary).</summary>
    public static Task<FakeConnector> StartAsync() => StartAsync(null);

    /// <summary>A Connector that answers what the test scripts, and 201 <c>{"id":"1"}</c> to the rest.</summary>
    public static Task<FakeConnector> StartScriptedAsync() => StartAsync(SinkResponse.Created("1"));

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
        try
        {
            await WaitUntilAsync(() => Requests.Count >= count, timeout).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
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
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<FakeConnector> StartAsync(SinkResponse? defaultResponse)
    {
        var connector = new FakeConnector { DefaultResponse = defaultResponse };
        connector._app = await LoopbackHost.StartAsync(null, app => app.Run(connector.HandleAsync)).ConfigureAwait(false);
        return connector;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes the waiters: something was recorded.</summary>
    private void Changed()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    /// <summary>Returns once <paramref name="done"/> holds, checked each time something is recorded; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    private async Task WaitUntilAsync(Func<bool> done, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (done())
            {
                return;
            }

            try
            {
                await changed.WaitAsync(cancel.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                if (done())
                {
                    return;
                }

                throw new TimeoutException();
            }
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var receivedAt = Stopwatch.GetTimestamp();
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new RecordedRequest(context.Request.Method, rawTarget, headers, body) { ReceivedAt = receivedAt };
        lock (_gate)
        {
            _requests.Add(request);
        }

        Changed();
        if (_holds.FirstOrDefault(h => h.TryTake(request)) is { } hold && !await hold.WaitForReleaseAsync(context.RequestAborted).ConfigureAwait(false))
        {
            return;
        }

        var response = Responder?.Invoke(request) ?? (_script.TryDequeue(out var scripted) ? scripted : DefaultResponse);
        if (response is null)
        {
            await AnswerAsTeamsAsync(context, request).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, response).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext context, SinkResponse response)
    {
        context.Response.StatusCode = response.Status;
        if (response.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = response.RetryAfter;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
