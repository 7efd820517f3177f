using System.Buffers;
using System.Text.Json;
using ChatOpsBot.Protocol.Schema;
using Microsoft.AspNetCore.Http;

namespace ChatOpsBot.Protocol.Hosting;

/// <summary>Reads a request body into an <see cref="Activity"/>, capped in size; any failure is a reason, never an exception.</summary>
internal static class ActivityBodyReader
{
    public static async Task<(Activity? Activity, string? Error)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, "body too large");
        }

        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and var length ? (int)length : 4096);
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return (null, "body too large");
            }
        }

        if (buffer.WrittenCount == 0)
        {
            return (null, "empty body");
        }

        try
        {
            var activity = JsonSerializer.Deserialize(buffer.WrittenSpan, ProtocolJsonContext.Default.Activity);
            return activity is { Type.Length: > 0 } ? (activity, null) : (null, "no activity type");
        }
        catch (JsonException)
        {
            return (null, "malformed JSON or wrong JSON types");
        }
    }
}
