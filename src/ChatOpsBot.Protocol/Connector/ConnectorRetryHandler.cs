using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Protocol.Connector;

/// <summary>
/// 429 waits for Retry-After (or backs off); 412/502/503/504 back off exponentially with jitter; nothing else
/// is retried. Bounded by <see cref="BotOptions.ConnectorMaxRetries"/> and <see cref="BotOptions.ConnectorMaxRetryDelay"/>.
/// </summary>
internal sealed class ConnectorRetryHandler(IOptions<BotOptions> options, TimeProvider timeProvider, ILogger<ConnectorRetryHandler> logger)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var attempt = 0; ; attempt++)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (attempt >= settings.ConnectorMaxRetries || !IsRetryable(response.StatusCode))
            {
                return response;
            }

            var delay = GetDelay(response, attempt, settings);
            if (delay is null)
            {
                return response;
            }

            Log.ConnectorRetry(logger, (int)response.StatusCode, attempt + 1, delay.Value.TotalMilliseconds);
            response.Dispose();
            await Task.Delay(delay.Value, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private TimeSpan? GetDelay(HttpResponseMessage response, int attempt, BotOptions settings)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests && RetryAfter.Delay(response.Headers.RetryAfter, timeProvider.GetUtcNow()) is { } wait)
        {
            // Waiting less than asked would only earn another 429: give up instead.
            return wait > settings.ConnectorMaxRetryDelay ? null : wait;
        }

        var exponential = settings.ConnectorRetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
#pragma warning disable CA5394 // Jitter needs no cryptographic randomness.
        var jittered = exponential * (0.5 + Random.Shared.NextDouble());
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(Math.Min(jittered, settings.ConnectorMaxRetryDelay.TotalMilliseconds));
    }
}
