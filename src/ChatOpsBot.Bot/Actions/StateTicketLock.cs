using System.Globalization;
using ChatOpsBot.State;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Failures;

namespace ChatOpsBot.Bot.Actions;

/// <summary>
/// The ticket's write lock shared by every instance of the bot: a lease <c>ticket-write:{id}</c> in the state store
/// (SQLite file or PostgreSQL). The desk takes it after its own per-process lock, so only clicks on other instances
/// wait here, polling. A holder that died frees it after <see cref="LeaseDuration"/>; a click that waited
/// <see cref="MaxWait"/> gives up (a <see cref="TicketDeskException"/> of kind <see cref="DeskFailureKind.Unavailable"/>, shown as
/// iTop being unavailable: nothing written).
/// </summary>
public sealed class StateTicketLock(ILeaseManager leases, TimeProvider time) : ISharedTicketLock
{
    /// <summary>Longer than one read and one write with their retries and timeouts.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(2);

    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(200);

    public async Task<IAsyncDisposable> AcquireAsync(int ticketId, CancellationToken cancellationToken)
    {
        var name = "ticket-write:" + ticketId.ToString(CultureInfo.InvariantCulture);
        var started = time.GetTimestamp();
        var poll = FirstPoll;
        while (true)
        {
            if (await leases.TryAcquireAsync(name, LeaseDuration, cancellationToken).ConfigureAwait(false) is { } lease)
            {
                return lease;
            }

            if (time.GetElapsedTime(started) >= MaxWait)
            {
                throw new TicketDeskException(DeskFailureKind.Unavailable, $"Ticket {ticketId} is being written by another instance of the bot.");
            }

            await Task.Delay(poll, time, cancellationToken).ConfigureAwait(false);
            poll = poll * 2 < LongestPoll ? poll * 2 : LongestPoll;
        }
    }
}
