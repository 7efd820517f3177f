namespace ChatOpsBot.Testing;

/// <summary>
/// A <see cref="FakeConnector"/> answer kept back: the first request that matches is recorded, then waits for
/// <see cref="Release"/> (or for its caller to hang up) before it gets its response.
/// </summary>
public sealed class HeldResponse
{
    private readonly Func<RecordedRequest, bool> _match;
    private readonly TaskCompletionSource<RecordedRequest> _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal HeldResponse(Func<RecordedRequest, bool> match) => _match = match;

    /// <summary>The request being held, once one matched.</summary>
    public Task<RecordedRequest> Held => _held.Task;

    /// <summary>Lets the held request (if any, and any later one) be answered.</summary>
    public void Release() => _released.TrySetResult();

    /// <summary>Waits until a request is held; false on timeout.</summary>
    public async Task<bool> WaitUntilHeldAsync(TimeSpan timeout)
    {
        await Task.WhenAny(_held.Task, Task.Delay(timeout)).ConfigureAwait(false);
        return _held.Task.IsCompleted;
    }

    /// <summary>True when this is the request to hold (the first that matches; at most one).</summary>
    internal bool TryTake(RecordedRequest request) => !_held.Task.IsCompleted && _match(request) && _held.TrySetResult(request);

    /// <summary>True once released; false when the caller went away first (its connection closed).</summary>
    internal async Task<bool> WaitForReleaseAsync(CancellationToken requestAborted)
    {
        try
        {
            await _released.Task.WaitAsync(requestAborted).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
