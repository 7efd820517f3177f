using ChatOpsBot.Tickets.Catalog;
using ChatOpsBot.Tickets.People;

namespace ChatOpsBot.Tickets;

/// <summary>
/// The port the bot uses to work on tickets. A write reads the ticket once, validates the move on that read with the
/// domain (<see cref="Rules.TicketRuleException"/>) and the caller's checks, then makes exactly one write to the ticket
/// store, naming the actor.
/// </summary>
/// <remarks>
/// Failures, the same for every member; an implementation lets no other failure out (its transport's exceptions included):
/// <list type="bullet">
/// <item>not found: a read returns null (a page without it); a write whose ticket is gone before its read returns
/// <see cref="TicketWriteResult.Read"/> null; the store not finding an object the write names (the ticket gone between the
/// read and the write, a team, agent or service gone): kind <see cref="Failures.DeskFailureKind.NotFound"/>.</item>
/// <item>the store unreachable (network, timeout, open circuit, an answer that is not the store's, the shared ticket lock
/// not obtained in time): <see cref="Failures.TicketDeskException"/> of kind <see cref="Failures.DeskFailureKind.Unavailable"/>;
/// nothing is known to be written.</item>
/// <item>the store refusing the bot's own credentials: kind <see cref="Failures.DeskFailureKind.CredentialsRefused"/>.</item>
/// <item>the store refusing the request (data, move): kind <see cref="Failures.DeskFailureKind.Refused"/>;
/// its answer not matching what was asked: kind <see cref="Failures.DeskFailureKind.UnexpectedAnswer"/>.</item>
/// <item>a rule of the domain broken (writes and creations only, before anything is sent):
/// <see cref="Rules.TicketRuleException"/>, with its code.</item>
/// <item>the caller's cancellation: <see cref="OperationCanceledException"/>.</item>
/// </list>
/// </remarks>
public interface ITicketDesk
{
    Task<Ticket?> GetTicketAsync(TicketKey key, CancellationToken cancellationToken);

    Task<TicketPage> FindTicketsAsync(TicketQuery query, CancellationToken cancellationToken);

    /// <summary>Open tickets (neither closed nor rejected) matching any criterion of <paramref name="follow"/>, at most <paramref name="max"/>, oldest first: one query.</summary>
    Task<TicketPage> FindOpenTicketsAsync(TicketFollow follow, int max, CancellationToken cancellationToken);

    /// <summary>Open tickets that look like a ticket about to be created (at most <paramref name="max"/>): one query; none asked when the probe is empty.</summary>
    Task<IReadOnlyList<Ticket>> FindLookalikesAsync(TicketLookalike probe, int max, CancellationToken cancellationToken);

    Task<Ticket> CreateTicketAsync(TicketDraft draft, Actor actor, CancellationToken cancellationToken);

    /// <summary>
    /// The ticket created from the draft whose <see cref="TicketDraft.OriginMarker"/> is <paramref name="originMarker"/>, if
    /// any (the store has no idempotency key: this is how an interrupted creation is told apart from one never made).
    /// </summary>
    Task<Ticket?> FindTicketByOriginAsync(string originMarker, CancellationToken cancellationToken);

    /// <summary>
    /// The one way to change a ticket: locks it, reads it once, lets <paramref name="plan"/> decide on that read, then makes
    /// that write as one call naming <paramref name="actor"/> and checks the answer (status reached, case-log entry stored).
    /// The common writes are <see cref="TicketDeskWrites"/>.
    /// </summary>
    Task<TicketWriteResult> WriteAsync(TicketKey key, Actor actor, TicketWritePlan plan, CancellationToken cancellationToken);

    Task<ServiceCatalog> GetCatalogAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<Team>> GetTeamsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<TeamMember>> GetTeamMembersAsync(int teamId, CancellationToken cancellationToken);

    Task<Person?> FindPersonByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>One person by iTop id (cached like the other reference data); null when iTop has none.</summary>
    Task<Person?> GetPersonAsync(int personId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Person>> SearchPersonsAsync(int? orgId, string text, CancellationToken cancellationToken);

    /// <summary>Tickets whose last update is after the cursor, oldest first (for the change feed).</summary>
    Task<TicketChangePage> GetChangesSinceAsync(DateTimeOffset cursor, int page, int pageSize, CancellationToken cancellationToken);
}
