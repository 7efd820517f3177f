using System.Globalization;
using System.Text.Json;
using ChatOpsBot.State;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Notifications;

/// <summary>
/// Who made each write the bot sent to iTop (<see cref="TicketMoveRecord"/>), in <see cref="IStateStore"/> under
/// <c>move:{ticket}:{recorded at}:{id}</c>, so every instance's change feed reads every instance's records. Kept
/// <see cref="Retention"/>: the feed needs one until it has seen its move, seconds after it is made (days after an
/// outage); an expired or never-matched record costs nothing but a row until the store purges it.
/// </summary>
public sealed class TicketMoveStore(IStateStore store, ILogger<TicketMoveStore> logger) : ITicketMoveLog
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    public Task BeginAsync(TicketMoveRecord move, CancellationToken cancellationToken) => SaveAsync(move, cancellationToken);

    public Task CompleteAsync(TicketMoveRecord move, Ticket written, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(written);
        return SaveAsync(move with { WrittenAt = written.LastUpdate }, cancellationToken);
    }

    /// <summary>The records of one ticket still kept, oldest first.</summary>
    public async Task<IReadOnlyList<TicketMoveRecord>> ListAsync(int ticketId, CancellationToken cancellationToken)
    {
        var entries = await store.ListAsync(Prefix(ticketId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. entries.Select(e => JsonSerializer.Deserialize(e.Value, NotificationJsonContext.Default.TicketMoveRecord)!)];
    }

    private async Task SaveAsync(TicketMoveRecord move, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(move);
        var json = JsonSerializer.Serialize(move, NotificationJsonContext.Default.TicketMoveRecord);
        try
        {
            await store.PutAsync(Key(move), json, StateETag.Any, Retention, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The write goes on: without its record the move is named by the case-log entry of its second.
            Log.MoveNotRecorded(logger, move.TicketId, move.Move, ex);
        }
    }

    private static string Key(TicketMoveRecord move) =>
        Prefix(move.TicketId) + move.RecordedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + ":" + move.Id;

    private static string Prefix(int ticketId) => "move:" + ticketId.ToString(CultureInfo.InvariantCulture) + ":";
}
