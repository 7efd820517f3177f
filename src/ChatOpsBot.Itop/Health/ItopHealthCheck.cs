using ChatOpsBot.Itop.Errors;
using ChatOpsBot.Itop.Rest;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Itop.Health;

/// <summary>
/// Health check "itop" (tag "ready"): one authenticated <c>list_operations</c> with the bot's own credentials. Unhealthy
/// while iTop refuses them (code 1) or cannot be reached, so that /readyz says so.
/// </summary>
internal sealed class ItopHealthCheck(ItopClient client, ILogger<ItopHealthCheck> logger) : IHealthCheck
{
    public const string Name = "itop";
    public const string ReadyTag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await client.ListOperationsAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("iTop answers and accepts the bot's credentials.");
        }
        catch (ItopUnauthorizedException ex)
        {
            const string problem = "iTop refuses the bot's credentials (code 1)";
            Log.HealthCheckFailed(logger, problem, ex);
            return new HealthCheckResult(context.Registration.FailureStatus, problem + ".");
        }
        catch (ItopException ex)
        {
            var problem = ex is ItopUnavailableException ? "iTop cannot be reached" : $"iTop refused list_operations (code {ex.Code})";
            Log.HealthCheckFailed(logger, problem, ex);
            return new HealthCheckResult(context.Registration.FailureStatus, problem + ".");
        }
    }
}
