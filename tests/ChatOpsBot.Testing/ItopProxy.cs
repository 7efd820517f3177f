using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOpsBot.Testing;

/// <summary>Where an <see cref="ItopProxy"/> holds a call.</summary>
public enum ItopHoldPoint
{
    /// <summary>Before iTop sees it: if the caller is gone when released (killed), iTop never gets it.</summary>
    BeforeItop,

    /// <summary>After iTop did it: the answer waits; if the caller is gone when released, nobody ever reads it.</summary>
    AfterItop,
}

/// <summary>
/// A loopback stand-in in front of an iTop (the sandbox): forwards every rest.php call as it came (headers, form body) and
/// answers what iTop answered, records the calls iTop did get, and can hold one call before or after iTop, so that a test
/// kills the bot at that precise point.
/// </summary>
public sealed class ItopProxy : IAsyncDisposable
{
    private readonly Uri _itop;
    // No cookie jar: a shared one would put every forwarded call in one iTop session, and iTop (the sandbox too)
    // refuses calls that overlap in one session.
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false });
    private readonly List<string> _forwarded = [];
    private readonly List<ItopHold> _holds = [];
    private LoopbackApp? _app;

    private ItopProxy(Uri itop) => _itop = itop;

    /// <summary>http://127.0.0.1:port/ — the bot's Itop:BaseUrl.</summary>
    public Uri BaseAddress => _app!.BaseAddress;

    /// <summary>The calls iTop got, in order ("core/apply_stimulus UserRequest ev_approve"…), whoever made them.</summary>
    public IReadOnlyList<string> Forwarded
    {
        get
        {
            lock (_forwarded)
            {
                return [.. _forwarded];
            }
        }
    }

    public static async Task<ItopProxy> StartAsync(Uri itop)
    {
        var proxy = new ItopProxy(itop);
        proxy._app = await LoopbackHost.StartAsync(null, app => app.Run(proxy.HandleAsync));
        return proxy;
    }

    /// <summary>Holds the first later call that <paramref name="match"/> accepts ("core/create UserRequest"…) at <paramref name="point"/>.</summary>
    public ItopHold Hold(Func<string, bool> match, ItopHoldPoint point)
    {
        var hold = new ItopHold(match, point);
        lock (_holds)
        {
            _holds.Add(hold);
        }

        return hold;
    }

    public async ValueTask DisposeAsync()
    {
        lock (_holds)
        {
            _holds.ForEach(h => h.Release());
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _http.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        var fields = form?.ToDictionary(f => f.Key, f => f.Value.ToString()) ?? [];
        var call = Describe(fields.GetValueOrDefault("json_data"));
        ItopHold? hold;
        lock (_holds)
        {
            hold = _holds.FirstOrDefault(h => h.TryTake(call));
        }

        if (hold is { Point: ItopHoldPoint.BeforeItop } && !await hold.WaitForReleaseAsync(context.RequestAborted))
        {
            return; // the bot died with the call in flight: iTop never got it
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_itop, "webservices/rest.php" + context.Request.QueryString.Value))
        {
            Content = new FormUrlEncodedContent(fields),
        };
        foreach (var name in new[] { "Auth-Token", "Authorization" })
        {
            if (context.Request.Headers.TryGetValue(name, out var value))
            {
                request.Headers.TryAddWithoutValidation(name, value.ToString());
            }
        }

        // Not cancelled by the caller going away: a call that left the bot is done by iTop.
        using var response = await _http.SendAsync(request, CancellationToken.None);
        var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
        lock (_forwarded)
        {
            _forwarded.Add(call);
        }

        hold?.MarkHeld(call);

        if (hold is { Point: ItopHoldPoint.AfterItop } && !await hold.WaitForReleaseAsync(context.RequestAborted))
        {
            return; // iTop did it; the bot died before reading the answer
        }

        context.Response.StatusCode = (int)HttpStatusCode.OK;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    private static string Describe(string? json)
    {
        var data = json is null ? null : JsonNode.Parse(json);
        return data is null
            ? string.Empty
            : data["operation"]?.GetValue<string>() + " " + (data["class"]?.GetValue<string>() ?? "") + (data["stimulus"] is { } s ? " " + s.GetValue<string>() : "");
    }
}

/// <summary>A call an <see cref="ItopProxy"/> keeps: the first one that matches, until <see cref="Release"/>.</summary>
public sealed class ItopHold
{
    private readonly Func<string, bool> _match;
    private readonly TaskCompletionSource<string> _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal ItopHold(Func<string, bool> match, ItopHoldPoint point)
    {
        _match = match;
        Point = point;
    }

    public ItopHoldPoint Point { get; }

    /// <summary>The call being held, once one matched.</summary>
    public Task<string> Held => _held.Task;

    public void Release() => _released.TrySetResult();

    /// <summary>Waits until a call is held; false on timeout.</summary>
    public async Task<bool> WaitUntilHeldAsync(TimeSpan timeout)
    {
        await Task.WhenAny(_held.Task, Task.Delay(timeout)).ConfigureAwait(false);
        return _held.Task.IsCompleted;
    }

    private int _taken;

    /// <summary>
    /// Claims the first matching call. It is held at once before iTop; after iTop, only once iTop answered and the call is
    /// counted as forwarded (<see cref="MarkHeld"/>), so that a test killing the bot then finds iTop's part done.
    /// </summary>
    internal bool TryTake(string call)
    {
        if (!_match(call) || Interlocked.CompareExchange(ref _taken, 1, 0) != 0)
        {
            return false;
        }

        if (Point == ItopHoldPoint.BeforeItop)
        {
            MarkHeld(call);
        }

        return true;
    }

    internal void MarkHeld(string call) => _held.TrySetResult(call);

    /// <summary>True once released; false when the caller went away first.</summary>
    internal async Task<bool> WaitForReleaseAsync(CancellationToken callerGone)
    {
        try
        {
            await _released.Task.WaitAsync(callerGone).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
