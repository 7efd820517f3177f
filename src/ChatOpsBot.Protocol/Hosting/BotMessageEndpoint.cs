using System.Text;
using System.Text.Json;
using ChatOpsBot.Protocol.Authentication;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Protocol.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Protocol.Hosting;

/// <summary>
/// <c>POST /api/messages</c>: authenticate (401), parse and check the activity's shape (400), authorize against the
/// body (403), check the serviceUrl against the allow-list (400), drop re-deliveries, then queue (202) or answer the
/// invoke synchronously (handler status, 501 when unhandled). Each malformed activity is one warning line with a short
/// reason, never a stack trace.
/// </summary>
internal sealed class BotMessageEndpoint(
    IOptions<BotOptions> options,
    BotAuthenticator authenticator,
    ServiceUrlAllowList serviceUrls,
    ActivityDeduplicator deduplicator,
    ActivityQueue queue,
    TurnRunner runner,
    ILogger<BotMessageEndpoint> logger)
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public async Task HandleAsync(HttpContext context)
    {
        var settings = options.Value;
        var aborted = context.RequestAborted;

        InboundAuthResult? auth = null;
        if (settings.AllowUnauthenticatedLocalRequests)
        {
            if (!LocalCaller.IsLocal(context))
            {
                await RefuseAsync(context, StatusCodes.Status401Unauthorized, "unauthenticated mode accepts loopback callers only").ConfigureAwait(false);
                return;
            }
        }
        else if (!settings.IsAuthenticationConfigured)
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "authentication not configured").ConfigureAwait(false);
            return;
        }
        else
        {
            auth = await authenticator.AuthenticateAsync(context.Request.Headers.Authorization.ToString(), aborted).ConfigureAwait(false);
            if (!auth.Succeeded)
            {
                await RefuseAsync(context, StatusCodes.Status401Unauthorized, auth.Failure ?? "invalid token").ConfigureAwait(false);
                return;
            }
        }

        var (activity, parseError) = await ActivityBodyReader.ReadAsync(context.Request, settings.MaxRequestBodyBytes, settings.MaxStringBytes, aborted).ConfigureAwait(false);
        if (activity is null)
        {
            RefuseMalformed(context, parseError ?? "not an activity");
            return;
        }

        if (auth is not null && BotAuthenticator.Authorize(auth, activity.ChannelId, activity.ServiceUrl) is { } forbidden)
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, forbidden).ConfigureAwait(false);
            return;
        }

        // Nothing can be answered elsewhere, and a token must never be sent there: refused before any handler runs.
        if (!serviceUrls.IsAllowed(activity.ServiceUrl))
        {
            RefuseMalformed(context, "serviceUrl not on the allow-list");
            return;
        }

        var isInvoke = string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.Ordinal);
        if (!await deduplicator.TryClaimAsync(activity, aborted).ConfigureAwait(false))
        {
            Log.DuplicateActivity(logger, LogValues.Short(activity.Id));
            if (isInvoke && await deduplicator.GetInvokeResponseAsync(activity, aborted).ConfigureAwait(false) is { } stored)
            {
                await WriteAsync(context, stored.Status, stored.Body is null ? null : Encoding.UTF8.GetBytes(stored.Body)).ConfigureAwait(false);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status202Accepted;
            }

            return;
        }

        if (!isInvoke)
        {
            await queue.EnqueueAsync(activity, aborted).ConfigureAwait(false);
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        await InvokeAsync(context, activity).ConfigureAwait(false);
    }

    private async Task InvokeAsync(HttpContext context, Activity activity)
    {
        int status;
        byte[]? body = null;
        try
        {
            var response = await runner.RunInvokeAsync(activity, context.RequestAborted).ConfigureAwait(false);
            status = response?.Status ?? StatusCodes.Status501NotImplemented;
            if (response?.Body is { } payload)
            {
                body = JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType(), ProtocolJson.Options);
            }
        }
#pragma warning disable CA1031 // Any handler failure becomes a logged 500, never a crashed request pipeline.
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Log.HandlerFailed(logger, ex, LogValues.Short(activity.Type), LogValues.Short(activity.Id));
            status = StatusCodes.Status500InternalServerError;
        }

        try
        {
            await deduplicator.RememberInvokeResponseAsync(activity, status, body is null ? null : Encoding.UTF8.GetString(body), CancellationToken.None)
                .ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Replay of the answer is best effort.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.DedupeFailed(logger, ex, LogValues.Short(activity.Id));
        }

        await WriteAsync(context, status, body).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext context, int status, byte[]? body)
    {
        context.Response.StatusCode = status;
        if (body is not null)
        {
            context.Response.ContentType = JsonContentType;
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private void RefuseMalformed(HttpContext context, string reason)
    {
        Log.MalformedActivity(logger, reason);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private Task RefuseAsync(HttpContext context, int status, string reason)
    {
        Log.RequestRefused(logger, status, reason);
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
