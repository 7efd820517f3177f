using ChatOpsBot.Tickets.Lifecycle;
using ChatOpsBot.Tickets.People;

namespace ChatOpsBot.Tickets;

/// <summary>
/// The writes with nothing to check but the domain's rules, each one <see cref="ITicketDesk.WriteAsync"/>: one read and one
/// write. Reference data (teams, catalog, people) comes from the desk's cache.
/// </summary>
public static class TicketDeskWrites
{
    /// <summary>Assign; null team/agent keeps the current ones (back from pending).</summary>
    public static Task<Ticket> AssignAsync(this ITicketDesk desk, TicketKey key, int? teamId, int? agentId, Actor actor, CancellationToken cancellationToken) =>
        desk.ApplyAsync(key, actor, async (t, ct) => t.Assign(await desk.TeamAsync(teamId ?? t.TeamId, ct).ConfigureAwait(false), agentId), cancellationToken);

    /// <summary>Reassign; the note, when given, goes to the private log with the move.</summary>
    public static Task<Ticket> ReassignAsync(this ITicketDesk desk, TicketKey key, int? teamId, int? agentId, string? note, Actor actor, CancellationToken cancellationToken) =>
        desk.ApplyAsync(key, actor, async (t, ct) => t.Reassign(await desk.TeamAsync(teamId ?? t.TeamId, ct).ConfigureAwait(false), agentId, note), cancellationToken);

    public static Task<Ticket> SetPendingAsync(this ITicketDesk desk, TicketKey key, string reason, Actor actor, CancellationToken cancellationToken) =>
        desk.ApplyAsync(key, actor, (t, _) => Task.FromResult<TicketWrite?>(t.SetPending(reason)), cancellationToken);

    public static Task<Ticket> ResolveAsync(this ITicketDesk desk, TicketKey key, string solution, int? serviceId, int? subServiceId, Actor actor, CancellationToken cancellationToken) =>
        desk.ApplyAsync(key, actor, async (t, ct) => t.Resolve(solution, await desk.GetCatalogAsync(ct).ConfigureAwait(false), serviceId, subServiceId), cancellationToken);

    public static Task<Ticket> ReopenAsync(this ITicketDesk desk, TicketKey key, Actor actor, CancellationToken cancellationToken) =>
        desk.ApplyAsync(key, actor, (t, _) => Task.FromResult<TicketWrite?>(t.Reopen()), cancellationToken);

    public static Task<Ticket> CloseAsync(this ITicketDesk desk, TicketKey key, Actor actor, CancellationToken cancellationToken) =>
        desk.ApplyAsync(key, actor, (t, _) => Task.FromResult<TicketWrite?>(t.Close()), cancellationToken);

    public static Task<Ticket> RequestApprovalAsync(this ITicketDesk desk, TicketKey key, int? approverId, Actor actor, CancellationToken cancellationToken) =>
        desk.ApplyAsync(key, actor, async (t, ct) => t.RequestApproval(approverId is { } id ? await desk.GetPersonAsync(id, ct).ConfigureAwait(false) : null), cancellationToken);

    /// <summary>Approve; the note, when given, is written to the public log by the same stimulus.</summary>
    public static Task<Ticket> ApproveAsync(this ITicketDesk desk, TicketKey key, string? note, Actor actor, CancellationToken cancellationToken) =>
        desk.ApplyAsync(key, actor, (t, _) => Task.FromResult<TicketWrite?>(t.Approve(note)), cancellationToken);

    public static Task<Ticket> RejectAsync(this ITicketDesk desk, TicketKey key, string reason, Actor actor, CancellationToken cancellationToken) =>
        desk.ApplyAsync(key, actor, (t, _) => Task.FromResult<TicketWrite?>(t.Reject(reason)), cancellationToken);

    /// <summary>Hands a request waiting for approval to another approver (one update); the note goes to the private log with it.</summary>
    public static Task<Ticket> HandToApproverAsync(this ITicketDesk desk, TicketKey key, int approverId, string? note, Actor actor, CancellationToken cancellationToken) =>
        desk.ApplyAsync(key, actor, async (t, ct) => t.HandToApprover(await desk.RequirePersonAsync(approverId, ct).ConfigureAwait(false), note), cancellationToken);

    /// <summary>Appends a case-log entry (public or private) and confirms it was stored.</summary>
    public static Task<Ticket> AddLogEntryAsync(this ITicketDesk desk, TicketKey key, string text, bool isPublic, Actor actor, CancellationToken cancellationToken) =>
        desk.ApplyAsync(key, actor, (t, _) => Task.FromResult<TicketWrite?>(t.Comment(text, isPublic)), cancellationToken);

    /// <summary>A team from the desk's cache; null when there is none with that id.</summary>
    public static async Task<Team?> TeamAsync(this ITicketDesk desk, int? teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desk);
        return teamId is { } id ? (await desk.GetTeamsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(t => t.Id == id) : null;
    }

    /// <summary>A person from the desk's cache; <see cref="KeyNotFoundException"/> when the store has none.</summary>
    public static async Task<Person> RequirePersonAsync(this ITicketDesk desk, int personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desk);
        return await desk.GetPersonAsync(personId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Person {personId} not found.");
    }

    private static async Task<Ticket> ApplyAsync(this ITicketDesk desk, TicketKey key, Actor actor, TicketWritePlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desk);
        var result = await desk.WriteAsync(key, actor, plan, cancellationToken).ConfigureAwait(false);
        return result.Read is null ? throw new KeyNotFoundException($"Ticket {key} not found.")
            : result.Written ?? throw new InvalidOperationException("The plan always writes.");
    }
}
