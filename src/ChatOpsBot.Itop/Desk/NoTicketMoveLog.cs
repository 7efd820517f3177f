using ChatOpsBot.Tickets;

namespace ChatOpsBot.Itop.Desk;

/// <summary>Nobody reads who made the writes (no change feed): nothing is recorded. The notifications replace it with a log in the state store.</summary>
public sealed class NoTicketMoveLog : ITicketMoveLog
{
    public Task BeginAsync(TicketMoveRecord move, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CompleteAsync(TicketMoveRecord move, Ticket written, CancellationToken cancellationToken) => Task.CompletedTask;
}
