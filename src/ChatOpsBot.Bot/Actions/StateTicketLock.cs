using System.Globalization;
using ChatOpsBot.State;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Failures;

namespace ChatOpsBot.Bot.Actions;

/// <summary>
/// The ticket's write lock shared by every instance of the bot: a lease <c>ticket-write:{id}</c> in the state store
/// (SQLite file or PostgreSQL). The desk takes it after its own per-process lock, so only clicks on other instances
/// wait here, polling. The lease is short and renewed while the write runs, so a holder that died (a crash between the
/// read and the write) frees the ticket after <see cref="LeaseDuration"/> at most; a click that waited <see cref="MaxWait"/>
/// gives up (a <see cref="TicketDeskException"/> of kind <see cref="DeskFailureKind.Unavailable"/>, shown as iTop being
/// unavailable: nothing written).
/// </summary>
public sealed class StateTicketLock(ILeaseManager leases, TimeProvider time) : ISharedTicketLock
{
    /// <summary>How long a dead holder keeps the ticket; a live one renews every third of it.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(10);

    /// <summary>Longer than <see cref="LeaseDuration"/>: a click waiting on a dead holder's lease gets the ticket.</summary>
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
                return new RenewedLease(lease, time);
            }

            if (time.GetElapsedTime(started) >= MaxWait)
            {
                throw new TicketDeskException(DeskFailureKind.Unavailable, $"Ticket {ticketId} is being written by another instance of the bot.");
            }

            await Task.Delay(poll, time, cancellationToken).ConfigureAwait(false);
            poll = poll * 2 < LongestPoll ? poll * 2 : LongestPoll;
        }
    }

    /// <summary>The lease, renewed every third of its duration until the write is over.</summary>
    private sealed class RenewedLease : IAsyncDisposable
    {
        private readonly ILease lease;
        private readonly CancellationTokenSource stop = new();
        private readonly Task renewing;

        public RenewedLease(ILease lease, TimeProvider time)
        {
            this.lease = lease;
            renewing = RenewAsync(time, stop.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
            stop.Dispose();
            await lease.DisposeAsync().ConfigureAwait(false);
        }

        private async Task RenewAsync(TimeProvider time, CancellationToken cancellationToken)
        {
            try
            {
                while (true)
                {
                    await Task.Delay(LeaseDuration / 3, time, cancellationToken).ConfigureAwait(false);
                    if (!await lease.RenewAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return; // taken over: the write is already past its read, nothing more to guard
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // the write is over
            }
#pragma warning disable CA1031 // A failed renewal (state store down) only shortens the lease; the write goes on.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}
