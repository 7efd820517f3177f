using ChatOpsBot.Tickets.Catalog;
using ChatOpsBot.Tickets.People;

namespace ChatOpsBot.Tickets;

/// <summary>
/// The port the bot uses to work on tickets. Writes validate the move with the domain first
/// (<see cref="Rules.TicketRuleException"/>), then make exactly one write to the ticket store, naming the actor.
/// </summary>
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

    /// <summary>Assign; null team/agent keeps the current ones (back from pending).</summary>
    Task<Ticket> AssignAsync(TicketKey key, int? teamId, int? agentId, Actor actor, CancellationToken cancellationToken);

    Task<Ticket> ReassignAsync(TicketKey key, int? teamId, int? agentId, Actor actor, CancellationToken cancellationToken);

    Task<Ticket> SetPendingAsync(TicketKey key, string reason, Actor actor, CancellationToken cancellationToken);

    Task<Ticket> ResolveAsync(TicketKey key, string solution, int? serviceId, int? subServiceId, Actor actor, CancellationToken cancellationToken);

    Task<Ticket> ReopenAsync(TicketKey key, Actor actor, CancellationToken cancellationToken);

    Task<Ticket> CloseAsync(TicketKey key, Actor actor, CancellationToken cancellationToken);

    Task<Ticket> RequestApprovalAsync(TicketKey key, int? approverId, Actor actor, CancellationToken cancellationToken);

    /// <summary>Approve; the note, when given, is written to the public log by the same stimulus.</summary>
    Task<Ticket> ApproveAsync(TicketKey key, string? note, Actor actor, CancellationToken cancellationToken);

    Task<Ticket> RejectAsync(TicketKey key, string reason, Actor actor, CancellationToken cancellationToken);

    /// <summary>Hands a request waiting for approval to another approver (one update); the note goes to the private log with it.</summary>
    Task<Ticket> HandToApproverAsync(TicketKey key, int approverId, string? note, Actor actor, CancellationToken cancellationToken);

    /// <summary>Appends a case-log entry (public or private) and confirms it was stored.</summary>
    Task<Ticket> AddLogEntryAsync(TicketKey key, string text, bool isPublic, Actor actor, CancellationToken cancellationToken);

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
