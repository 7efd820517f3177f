using System.IO.Compression;
using System.Text.Json;
using ChatOpsBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOpsBot.Tests.Infrastructure;

/// <summary>
/// A loopback Application Insights ingestion endpoint: takes the exporter's <c>POST /v2.1/track</c> (JSON lines, gzip
/// when the request says so), keeps each telemetry item and the raw text of each batch, and answers as ingestion does.
/// </summary>
public sealed class IngestionSink : IAsyncDisposable
{
    private readonly List<JsonElement> _items = [];
    private readonly List<string> _batches = [];
    private readonly List<string> _targets = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private LoopbackApp? _app;

    public IReadOnlyList<JsonElement> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }

    /// <summary>Each POST body as received after decompression, for text checks (no secret in it).</summary>
    public IReadOnlyList<string> Batches
    {
        get
        {
            lock (_gate)
            {
                return [.. _batches];
            }
        }
    }

    /// <summary>"METHOD path" of every request.</summary>
    public IReadOnlyList<string> Targets
    {
        get
        {
            lock (_gate)
            {
                return [.. _targets];
            }
        }
    }

    public static async Task<IngestionSink> StartAsync()
    {
        var sink = new IngestionSink();
        sink._app = await LoopbackHost.StartAsync(null, app => app.Run(sink.HandleAsync));
        return sink;
    }

    /// <summary>A connection string that sends everything here, under <paramref name="instrumentationKey"/>.</summary>
    public string ConnectionString(Guid instrumentationKey) =>
        $"InstrumentationKey={instrumentationKey};IngestionEndpoint={_app!.BaseAddress}";

    /// <summary>Waits until an item matching <paramref name="match"/> arrived; false on timeout.</summary>
    public async Task<bool> WaitForItemAsync(Func<JsonElement, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (!Items.Any(match))
            {
                await _arrived.WaitAsync(cts.Token);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return Items.Any(match);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _arrived.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var encoding = context.Request.Headers.ContentEncoding.ToString();
        var body = encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(context.Request.Body, CompressionMode.Decompress)
            : context.Request.Body;
        string text;
        using (var reader = new StreamReader(body))
        {
            text = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lock (_gate)
        {
            _targets.Add($"{context.Request.Method} {context.Request.Path}");
            _batches.Add(text);
            _items.AddRange(lines.Select(line => JsonDocument.Parse(line).RootElement.Clone()));
        }

        _arrived.Release();
        context.Response.StatusCode = StatusCodes.Status200OK;
        await context.Response.WriteAsJsonAsync(new { itemsReceived = lines.Length, itemsAccepted = lines.Length, errors = Array.Empty<object>() });
    }
}
