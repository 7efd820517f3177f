namespace ChatOpsBot.Tickets;

/// <summary>
/// A lock on one ticket held by every instance of the bot, from the read that checks the rules to the end of the
/// write. iTop has no compare-and-swap: without it two instances could both pass the check on the same version of the
/// ticket and both write. The desk serializes the writes of its own process before taking it.
/// </summary>
public interface ISharedTicketLock
{
    Task<IAsyncDisposable> AcquireAsync(int ticketId, CancellationToken cancellationToken);
}
