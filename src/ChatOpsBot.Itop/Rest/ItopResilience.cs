using System.Net.Http;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Telemetry;

namespace ChatOpsBot.Itop.Rest;

/// <summary>
/// retry (reads only: a repeated write could create or append twice) → circuit breaker → per-attempt timeout.
/// </summary>
public static class ItopResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ItopOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (options.ReadRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.ReadRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.RetryDelay > TimeSpan.Zero,
                ShouldHandle = args => ValueTask.FromResult(
                    ItopRequestKind.IsReadRequest(args.Outcome.Result?.RequestMessage ?? args.Context.GetRequestMessage()) &&
                    HttpClientResiliencePredicates.IsTransient(args.Outcome)),
            });
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakDuration,
        });
        builder.AddTimeout(options.Timeout);
    }

    /// <summary>
    /// Polly reports every attempt, successful ones at Information: one console line per iTop call. Those go to Debug;
    /// an attempt that will be retried (Warning) and the breaker's and timeout's events keep their level.
    /// </summary>
    public static ResilienceEventSeverity QuietAttempts(SeverityProviderArguments args) =>
        args.Event.EventName == "ExecutionAttempt" && args.Event.Severity == ResilienceEventSeverity.Information
            ? ResilienceEventSeverity.Debug
            : args.Event.Severity;
}
