using ChatOpsBot.Tickets;

namespace ChatOpsBot.Itop.Desk;

/// <summary>One instance: the desk's per-process lock is the whole story. The bot replaces it with a lock in its state store.</summary>
public sealed class NoSharedTicketLock : ISharedTicketLock
{
    public Task<IAsyncDisposable> AcquireAsync(int ticketId, CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable>(Nothing.Instance);

    private sealed class Nothing : IAsyncDisposable
    {
        public static readonly Nothing Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
