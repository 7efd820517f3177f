using System.Collections.Concurrent;
using ChatOpsBot.Protocol.Schema;

namespace ChatOpsBot.Protocol.Tests.Infrastructure;

/// <summary>Counts the turns it gets; invokes answered by <see cref="OnInvoke"/>; can reply through the connector.</summary>
public sealed class RecordingHandler : IActivityHandler
{
    private readonly SemaphoreSlim _signal = new(0);

    public ConcurrentQueue<Activity> Activities { get; } = new();

    public ConcurrentQueue<Activity> Invokes { get; } = new();

    public Func<TurnContext, CancellationToken, Task<InvokeResponse?>> OnInvoke { get; set; } = (_, _) => Task.FromResult<InvokeResponse?>(null);

    public Func<TurnContext, CancellationToken, Task>? OnActivity { get; set; }

    public async Task OnActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        try
        {
            Activities.Enqueue(turn.Activity);
            if (OnActivity is not null)
            {
                await OnActivity(turn, cancellationToken);
            }
        }
        finally
        {
            _signal.Release();
        }
    }

    public Task<InvokeResponse?> OnInvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        Invokes.Enqueue(turn.Activity);
        return OnInvoke(turn, cancellationToken);
    }

    /// <summary>Waits for <paramref name="count"/> more completed background turns.</summary>
    public async Task<bool> WaitForActivitiesAsync(int count, TimeSpan timeout)
    {
        for (var i = 0; i < count; i++)
        {
            if (!await _signal.WaitAsync(timeout))
            {
                return false;
            }
        }

        return true;
    }
}
