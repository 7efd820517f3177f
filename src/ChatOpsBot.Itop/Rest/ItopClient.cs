using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ChatOpsBot.Itop.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace ChatOpsBot.Itop.Rest;

/// <summary>
/// Typed operations of rest.php. Keys are a numeric id, a criteria object or an OQL string built with
/// <see cref="Oql.OqlQuery"/>. Every write carries a <c>comment</c> (iTop records it as the change's user info).
/// </summary>
public sealed class ItopClient(IItopRestApi api, IOptions<ItopOptions> options, ILogger<ItopClient> logger)
{
    /// <summary>core/get. <paramref name="key"/>: id, criteria object or OQL. Page is 1-based.</summary>
    public Task<ItopEnvelope> GetAsync(string @class, JsonNode key, string outputFields, int? limit, int? page, CancellationToken cancellationToken)
    {
        var data = new JsonObject { ["operation"] = "core/get", ["class"] = @class, ["key"] = key, ["output_fields"] = outputFields };
        if (limit is not null)
        {
            data["limit"] = limit;
            data["page"] = page ?? 1;
        }

        return SendAsync(data, isRead: true, cancellationToken);
    }

    public async Task<ItopObject> CreateAsync(string @class, JsonObject fields, string comment, string outputFields, CancellationToken cancellationToken)
    {
        var data = new JsonObject
        {
            ["operation"] = "core/create", ["class"] = @class, ["comment"] = Comment(comment), ["fields"] = fields, ["output_fields"] = outputFields,
        };
        return Single(await SendAsync(data, isRead: false, cancellationToken).ConfigureAwait(false));
    }

    public async Task<ItopObject> UpdateAsync(string @class, int key, JsonObject fields, string comment, string outputFields, CancellationToken cancellationToken)
    {
        var data = new JsonObject
        {
            ["operation"] = "core/update", ["class"] = @class, ["key"] = key, ["comment"] = Comment(comment), ["fields"] = fields, ["output_fields"] = outputFields,
        };
        return Single(await SendAsync(data, isRead: false, cancellationToken).ConfigureAwait(false));
    }

    public async Task<ItopObject> ApplyStimulusAsync(string @class, int key, string stimulus, JsonObject fields, string comment, string outputFields, CancellationToken cancellationToken)
    {
        var data = new JsonObject
        {
            ["operation"] = "core/apply_stimulus", ["class"] = @class, ["key"] = key, ["stimulus"] = stimulus,
            ["comment"] = Comment(comment), ["fields"] = fields, ["output_fields"] = outputFields,
        };
        return Single(await SendAsync(data, isRead: false, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>core/check_credentials: true when the login/password pair is valid (a wrong pair is still code 0).</summary>
    public async Task<bool> CheckCredentialsAsync(string user, string password, CancellationToken cancellationToken)
    {
        var data = new JsonObject { ["operation"] = "core/check_credentials", ["user"] = user, ["password"] = password };
        var envelope = await SendAsync(data, isRead: true, cancellationToken).ConfigureAwait(false);
        return envelope.Authorized ?? false;
    }

    /// <summary>list_operations: the verbs the instance offers (a cheap authenticated ping).</summary>
    public async Task<IReadOnlyList<string>> ListOperationsAsync(CancellationToken cancellationToken) =>
        (await SendAsync(new JsonObject { ["operation"] = "list_operations" }, isRead: true, cancellationToken).ConfigureAwait(false)).Operations;

    private static string Comment(string comment) =>
        string.IsNullOrWhiteSpace(comment) ? throw new ArgumentException("iTop requires a comment on every write.", nameof(comment)) : comment;

    private static ItopObject Single(ItopEnvelope envelope) =>
        envelope.Objects.Count == 1 ? envelope.Objects[0] : throw new ItopUnexpectedStateException($"iTop returned {envelope.Objects.Count} objects for a single write.");

    /// <summary>
    /// One call; a read that iTop refuses with code 1 is sent once more after <see cref="ItopOptions.RetryDelay"/>: iTop's
    /// login refusals can be transient (sessions of overlapping calls). A write is never sent twice.
    /// </summary>
    private async Task<ItopEnvelope> SendAsync(JsonObject data, bool isRead, CancellationToken cancellationToken)
    {
        if (!isRead)
        {
            return await SendOnceAsync(data, isRead, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await SendOnceAsync(data, isRead, cancellationToken).ConfigureAwait(false);
        }
        catch (ItopUnauthorizedException)
        {
            Log.ItopReadRetried(logger, data["operation"]!.GetValue<string>(), data["class"]?.GetValue<string>() ?? "");
            await Task.Delay(options.Value.RetryDelay, cancellationToken).ConfigureAwait(false);
            return await SendOnceAsync(data, isRead, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ItopEnvelope> SendOnceAsync(JsonObject data, bool isRead, CancellationToken cancellationToken)
    {
        var operation = data["operation"]!.GetValue<string>();
        var @class = data["class"]?.GetValue<string>() ?? "";
        var form = new Dictionary<string, string> { ["json_data"] = data.ToJsonString() };
        var started = Stopwatch.GetTimestamp();
        string body;
        try
        {
            body = await api.PostAsync(options.Value.Version, form, isRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
        {
            var cause = ex is ApiRequestException { InnerException: { } inner } ? inner : ex;
            Log.ItopUnavailable(logger, operation, @class, cause);
            throw new ItopUnavailableException($"iTop is unavailable ({operation} {@class}): {cause.GetType().Name}.", cause);
        }

        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Log.ItopCall(logger, operation, @class, elapsedMs);
        try
        {
            return ItopResponseParser.Parse(body);
        }
        catch (ItopException ex)
        {
            Log.ItopRefused(logger, operation, @class, ex.Code, ex.Message);
            throw;
        }
    }

    private static bool IsTransportFailure(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        ApiRequestException { InnerException: { } inner } => IsTransportFailure(inner, cancellationToken),
        HttpRequestException or ApiException or TimeoutRejectedException or BrokenCircuitException or IsolatedCircuitException => true,
        TaskCanceledException or OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
