using ChatOpsBot.Tickets.Lifecycle;

namespace ChatOpsBot.Tickets;

/// <summary>
/// Decides the one write to make on the ticket as the store has it now (read once, under the ticket's write lock): the
/// caller's checks (the card's stamp, the clicker's rights, the inputs) and the domain's rules run on that read. Null
/// writes nothing (the caller keeps why); a <see cref="Rules.TicketRuleException"/> thrown here writes nothing either.
/// </summary>
public delegate Task<TicketWrite?> TicketWritePlan(Ticket current, CancellationToken cancellationToken);
