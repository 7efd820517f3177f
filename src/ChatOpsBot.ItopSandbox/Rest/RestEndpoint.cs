using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.ItopSandbox.Model;
using ChatOpsBot.ItopSandbox.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.ItopSandbox.Rest;

/// <summary><c>/webservices/rest.php</c>: always HTTP 200, the outcome is in <c>code</c>/<c>message</c>.</summary>
internal sealed class RestEndpoint(SandboxStore store, PhpSessions sessions, TimeProvider time, ILogger<RestEndpoint> logger)
{
    private static readonly string[] Versions = ["1.0", "1.1", "1.2", "1.3", "1.4"];

    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task HandleAsync(HttpContext http)
    {
        JsonObject result;
        await using (var session = sessions.Start(http))
        {
            var request = await RestRequest.ReadAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
            try
            {
                if (session.Overlaps)
                {
                    // rest.php logs in before anything else: this call was logged out by the other call of its session.
                    throw new RestException(RestCodes.Unauthorized, "Error: Invalid login");
                }

                result = Execute(request);
            }
            catch (RestException e)
            {
                result = new JsonObject { ["code"] = e.Code, ["message"] = e.Message };
                if (e.WithObjects)
                {
                    result["objects"] = null;
                }
            }
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(result.ToJsonString(Output), http.RequestAborted).ConfigureAwait(false);
    }

    private JsonObject Execute(RestRequest request)
    {
        if (!request.TryParameter("version", out var version) || string.IsNullOrEmpty(version))
        {
            throw new RestException(RestCodes.MissingVersion, "Error: Missing parameter 'version' (e.g. '1.0')");
        }

        if (!Versions.Contains(version))
        {
            throw new RestException(RestCodes.UnsupportedVersion, $"Error: There is no service available for version '{version}'");
        }

        var user = Authenticator.Authenticate(request, store);
        if (!request.TryParameter("json_data", out var json))
        {
            throw new RestException(RestCodes.MissingJson, "Error: Missing parameter 'json_data'");
        }

        JsonObject? payload;
        try
        {
            payload = json is null ? null : JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            payload = null;
        }

        if (payload is null)
        {
            throw new RestException(RestCodes.InvalidJson, "Error: Parameter json_data is not a valid JSON structure");
        }

        var operation = payload["operation"] is { } op
            ? KeyResolver.Text(op)
            : throw new RestException(RestCodes.InternalError, "Error: Missing parameter 'operation'");
        Log.Operation(logger, user.Login, operation);
        lock (store.Sync)
        {
            var ctx = new RestContext(store, new ItopClock(time), user, version);
            try
            {
                return new CoreServices(ctx).Execute(operation, payload);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException or InvalidCastException or KeyNotFoundException or ArgumentException or JsonException)
            {
                throw new RestException(RestCodes.InternalError, "Error: " + e.Message);
            }
        }
    }
}
