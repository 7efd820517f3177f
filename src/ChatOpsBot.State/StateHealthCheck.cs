using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.State;

/// <summary>Health check "state": a read of a reserved key (opens a connection, migrates on first use).</summary>
internal sealed class StateHealthCheck(IStateStore store, ILogger<StateHealthCheck> logger) : IHealthCheck
{
    public const string Name = "state";

    private const string PingKey = "chatopsbot:health:ping";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.GetAsync(PingKey, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("State store reachable.");
        }
        catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException or TimeoutException or InvalidOperationException)
        {
            Log.HealthCheckFailed(logger, ex);

            // The description is shown by health endpoints; it names the failure kind only (no connection string).
            return new HealthCheckResult(context.Registration.FailureStatus, $"State store unreachable ({ex.GetType().Name}).");
        }
    }
}
