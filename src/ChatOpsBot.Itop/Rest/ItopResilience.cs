using System.Net.Http;
using Microsoft.Extensions.Http.Resilience;
using Polly;

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
}
