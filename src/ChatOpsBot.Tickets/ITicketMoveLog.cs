namespace ChatOpsBot.Tickets;

/// <summary>
/// Where the desk records who made each write it sends (<see cref="TicketMoveRecord"/>). <see cref="BeginAsync"/> is
/// called under the ticket's write lock before the call to the store, so a move the change feed can see always has its
/// record; <see cref="CompleteAsync"/> after the store answered, with the date it set. Neither fails a write: a record
/// that could not be stored costs a possible misattribution, never the user's action.
/// </summary>
public interface ITicketMoveLog
{
    Task BeginAsync(TicketMoveRecord move, CancellationToken cancellationToken);

    Task CompleteAsync(TicketMoveRecord move, Ticket written, CancellationToken cancellationToken);
}
