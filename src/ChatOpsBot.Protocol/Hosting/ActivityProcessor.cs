using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Protocol.Hosting;

/// <summary>Drains the <see cref="ActivityQueue"/> with a bounded number of concurrent turns; announces unsafe modes at start.</summary>
internal sealed class ActivityProcessor(
    ActivityQueue queue,
    TurnRunner runner,
    IOptions<BotOptions> options,
    ILogger<ActivityProcessor> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.AllowUnauthenticatedLocalRequests)
        {
            Log.UnauthenticatedMode(logger);
        }
        else if (!settings.IsAuthenticationConfigured)
        {
            Log.AuthenticationNotConfigured(logger);
        }

        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = new Task[options.Value.MaxConcurrentTurns];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(() => DrainAsync(stoppingToken), stoppingToken);
        }

        return Task.WhenAll(workers);
    }

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var activity in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await runner.RunActivityAsync(activity, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
