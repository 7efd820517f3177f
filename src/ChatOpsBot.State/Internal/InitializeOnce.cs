namespace ChatOpsBot.State.Internal;

/// <summary>Runs an async initialization once; a failed or cancelled run is retried by the next caller.</summary>
internal sealed class InitializeOnce(Func<Task> initialize)
{
    private readonly Lock _gate = new();
    private Task? _task;

    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        Task task;
        lock (_gate)
        {
            if (_task is null || _task.IsFaulted || _task.IsCanceled)
            {
                // Shared by all callers, so it must not observe any one caller's token.
                _task = Task.Run(initialize, CancellationToken.None);
            }

            task = _task;
        }

        return task.IsCompletedSuccessfully ? task : task.WaitAsync(cancellationToken);
    }
}
