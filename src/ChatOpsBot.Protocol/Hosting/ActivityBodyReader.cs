using System.Buffers;
using System.Text.Json;
using ChatOpsBot.Protocol.Schema;
using Microsoft.AspNetCore.Http;

namespace ChatOpsBot.Protocol.Hosting;

/// <summary>
/// Reads a request body into an <see cref="Activity"/>, capped in size; any failure is a short reason, never an
/// exception. The body goes through one pooled buffer: a flood of large malformed bodies reuses it instead of leaving
/// a new large-object-heap array per request for the GC (RSS under garbage, README "Reliability").
/// </summary>
internal static class ActivityBodyReader
{
    private const int FirstBufferSize = 16 * 1024;

    public static async Task<(Activity? Activity, string? Error)> ReadAsync(HttpRequest request, int maxBytes, int maxStringBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, "body too large");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is > 0 and var length ? (int)length + 1 : FirstBufferSize);
        try
        {
            var written = 0;
            while (true)
            {
                if (written == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, written).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(written), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                written += read;
                if (written > maxBytes)
                {
                    return (null, "body too large");
                }
            }

            return written == 0 ? (null, "empty body") : Parse(buffer.AsSpan(0, written), maxStringBytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (Activity? Activity, string? Error) Parse(ReadOnlySpan<byte> json, int maxStringBytes)
    {
        if (JsonStrings.Check(json, maxStringBytes) is { } invalid)
        {
            return (null, invalid);
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            return (null, "wrong JSON types");
        }

        if (activity is null)
        {
            return (null, "not an activity");
        }

        return ActivityShape.Check(activity) is { } wrong ? (null, wrong) : (activity, null);
    }
}
