using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Protocol.Hosting;

/// <summary>Runs one turn: a DI scope, the handler, the per-turn timeout.</summary>
internal sealed class TurnRunner(
    IServiceScopeFactory scopeFactory,
    IConnectorClientFactory connectorFactory,
    IOptions<BotOptions> options,
    ILogger<TurnRunner> logger)
{
    /// <summary>Background turn: failures and timeouts are logged, never thrown.</summary>
    public async Task RunActivityAsync(Activity activity, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.Value.HandlerTimeout);
        try
        {
            var scope = scopeFactory.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var handler = scope.ServiceProvider.GetRequiredService<IActivityHandler>();
                await handler.OnActivityAsync(CreateTurn(activity), timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            Log.HandlerTimedOut(logger, options.Value.HandlerTimeout.TotalSeconds, LogValues.Short(activity.Type), LogValues.Short(activity.Id));
        }
        catch (ServiceUrlNotAllowedException)
        {
            // Already logged once, with the setting that allows it, by the Connector client factory.
        }
#pragma warning disable CA1031 // A failing turn must not stop the processor.
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Log.HandlerFailed(logger, ex, LogValues.Short(activity.Type), LogValues.Short(activity.Id));
        }
    }

    /// <summary>Invoke turn: the handler's answer, or null when it did not handle it. Exceptions propagate.</summary>
    public async Task<InvokeResponse?> RunInvokeAsync(Activity activity, CancellationToken requestAborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        timeout.CancelAfter(options.Value.HandlerTimeout);
        var scope = scopeFactory.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var handler = scope.ServiceProvider.GetRequiredService<IActivityHandler>();
            return await handler.OnInvokeAsync(CreateTurn(activity), timeout.Token).ConfigureAwait(false);
        }
    }

    private TurnContext CreateTurn(Activity activity) =>
        new(activity, new Lazy<IConnectorClient>(() => connectorFactory.Create(activity.ServiceUrl ?? string.Empty)));
}
