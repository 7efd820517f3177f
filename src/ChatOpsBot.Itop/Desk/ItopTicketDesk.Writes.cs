using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.Itop.Errors;
using ChatOpsBot.Itop.Rest;
using ChatOpsBot.Itop.Text;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Lifecycle;
using ChatOpsBot.Tickets.Rules;

namespace ChatOpsBot.Itop.Desk;

// Each write: (lock the ticket) → one read of the ticket (its current state is what the rules check) → the domain
// validates → exactly one write naming the actor → the answer is checked (status, case-log entry) and returned.
public sealed partial class ItopTicketDesk
{
    public async Task<Ticket> CreateTicketAsync(TicketDraft draft, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var catalog = await reference.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var caller = await reference.GetPersonAsync(draft.CallerId, cancellationToken).ConfigureAwait(false);
        draft.Validate(caller, catalog);
        var description = ItopText.ToHtml(draft.Description);
        if (!string.IsNullOrWhiteSpace(draft.SchoolReference))
        {
            description += "<p>Référence établissement : " + ItopText.Escape(draft.SchoolReference.Trim()) + "</p>";
        }

        var fields = new JsonObject
        {
            ["org_id"] = draft.OrgId,
            ["caller_id"] = draft.CallerId,
            ["title"] = ItopText.Title(draft.Title),
            ["description"] = description,
            ["impact"] = ItopClient.Invariant(draft.Impact),
            ["urgency"] = ItopClient.Invariant(draft.Urgency),
            ["origin"] = "chat",
            ["request_type"] = "service_request",
        };
        if (draft.ServiceId is { } service)
        {
            fields["service_id"] = service;
        }

        if (draft.SubServiceId is { } sub)
        {
            fields["servicesubcategory_id"] = sub;
        }

        if (draft.OriginMarker is { Length: > 0 } marker)
        {
            // No UserRequest attribute is hidden in every state and iTop strips comments and attributes from HTML: the marker
            // goes to the private log, which the caller (portal) never sees, as a line the agents can read.
            fields["private_log"] = LogItem(ItopText.ToHtml(OriginLine(marker)));
        }

        var created = await client.CreateAsync(UserRequest, fields, CommentFor(actor), ItopFields.Ticket, cancellationToken).ConfigureAwait(false);
        return mapper.ToTicket(created);
    }

    public Task<Ticket> AssignAsync(TicketKey key, int? teamId, int? agentId, Actor actor, CancellationToken cancellationToken) =>
        MoveAsync(key, actor, async (t, ct) => t.Assign(await TeamAsync(teamId ?? t.TeamId, ct).ConfigureAwait(false), agentId), cancellationToken);

    public Task<Ticket> ReassignAsync(TicketKey key, int? teamId, int? agentId, Actor actor, CancellationToken cancellationToken) =>
        MoveAsync(key, actor, async (t, ct) => t.Reassign(await TeamAsync(teamId ?? t.TeamId, ct).ConfigureAwait(false), agentId), cancellationToken);

    public Task<Ticket> SetPendingAsync(TicketKey key, string reason, Actor actor, CancellationToken cancellationToken) =>
        MoveAsync(key, actor, (t, _) => Task.FromResult(t.SetPending(reason)), cancellationToken);

    public Task<Ticket> ResolveAsync(TicketKey key, string solution, int? serviceId, int? subServiceId, Actor actor, CancellationToken cancellationToken) =>
        MoveAsync(key, actor, async (t, ct) => t.Resolve(solution, await reference.GetCatalogAsync(ct).ConfigureAwait(false), serviceId, subServiceId), cancellationToken);

    public Task<Ticket> ReopenAsync(TicketKey key, Actor actor, CancellationToken cancellationToken) =>
        MoveAsync(key, actor, (t, _) => Task.FromResult(t.Reopen()), cancellationToken);

    public Task<Ticket> CloseAsync(TicketKey key, Actor actor, CancellationToken cancellationToken) =>
        MoveAsync(key, actor, (t, _) => Task.FromResult(t.Close()), cancellationToken);

    public Task<Ticket> RequestApprovalAsync(TicketKey key, int? approverId, Actor actor, CancellationToken cancellationToken) =>
        MoveAsync(key, actor, async (t, ct) => t.RequestApproval(approverId is { } id ? await reference.GetPersonAsync(id, ct).ConfigureAwait(false) : null), cancellationToken);

    public Task<Ticket> ApproveAsync(TicketKey key, string? note, Actor actor, CancellationToken cancellationToken) =>
        MoveAsync(key, actor, (t, _) => Task.FromResult(t.Approve(note)), cancellationToken);

    public Task<Ticket> RejectAsync(TicketKey key, string reason, Actor actor, CancellationToken cancellationToken) =>
        MoveAsync(key, actor, (t, _) => Task.FromResult(t.Reject(reason)), cancellationToken);

    public async Task<Ticket> HandToApproverAsync(TicketKey key, int approverId, string? note, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (before, release) = await ReadLockedAsync(key, cancellationToken).ConfigureAwait(false);
        using (release)
        {
            var approver = await reference.GetPersonAsync(approverId, cancellationToken).ConfigureAwait(false)
                ?? throw new ItopObjectNotFoundException($"Person {approverId} not found.");
            var fields = FieldsOf(before.HandToApprover(approver, note));
            var after = mapper.ToTicket(await client.UpdateAsync(UserRequest, before.Id, fields, CommentFor(actor), ItopFields.Ticket, cancellationToken).ConfigureAwait(false));
            if (after.ApproverId != approverId)
            {
                var problem = $"approver_id answered {after.ApproverId}, expected {approverId}";
                Log.UnexpectedState(logger, before.Id, problem);
                throw new ItopUnexpectedStateException($"Ticket {before.Ref}: {problem}.");
            }

            return after;
        }
    }

    public async Task<Ticket> AddLogEntryAsync(TicketKey key, string text, bool isPublic, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (before, release) = await ReadLockedAsync(key, cancellationToken).ConfigureAwait(false);
        using (release)
        {
            before.CheckComment(text);
            var attribute = isPublic ? "public_log" : "private_log";
            var html = EntryHtml(actor, text);
            var fields = new JsonObject { [attribute] = LogItem(html) };
            var updated = mapper.ToTicket(await client.UpdateAsync(UserRequest, before.Id, fields, CommentFor(actor), ItopFields.Ticket, cancellationToken).ConfigureAwait(false));
            var (oldLog, newLog) = isPublic ? (before.PublicLog, updated.PublicLog) : (before.PrivateLog, updated.PrivateLog);
            if (!newLog.Skip(oldLog.Count).Any(e => SameEntry(e, html, text)))
            {
                const string problem = "the case-log entry is not in iTop's answer (lost by a concurrent write?)";
                Log.UnexpectedState(logger, before.Id, problem);
                throw new ItopUnexpectedStateException($"Ticket {before.Ref}: {problem}.");
            }

            return updated;
        }
    }

    private async Task<Ticket> MoveAsync(TicketKey key, Actor actor, Func<Ticket, CancellationToken, Task<TicketTransition>> plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (ticket, release) = await ReadLockedAsync(key, cancellationToken).ConfigureAwait(false);
        using (release)
        {
            var transition = await plan(ticket, cancellationToken).ConfigureAwait(false);
            var answer = await client.ApplyStimulusAsync(UserRequest, ticket.Id, transition.Stimulus.ToCode(), FieldsOf(transition.Changes),
                CommentFor(actor), ItopFields.Ticket, cancellationToken).ConfigureAwait(false);
            var after = mapper.ToTicket(answer);
            if (after.Status != transition.To)
            {
                var problem = $"{transition.Stimulus.ToCode()} answered success but the status is '{after.Status.ToCode()}', expected '{transition.To.ToCode()}'";
                Log.UnexpectedState(logger, ticket.Id, problem);
                throw new ItopUnexpectedStateException($"Ticket {ticket.Ref}: {problem}.");
            }

            return after;
        }
    }

    /// <summary>Locks the ticket and reads it. A ref is resolved by a read first; the lock is then taken on its id.</summary>
    private async Task<(Ticket Ticket, IDisposable Release)> ReadLockedAsync(TicketKey key, CancellationToken cancellationToken)
    {
        if (key.Id is { } id)
        {
            var release = await locks.AcquireAsync(id, cancellationToken).ConfigureAwait(false);
            try
            {
                return (await RequireAsync(key, cancellationToken).ConfigureAwait(false), release);
            }
            catch
            {
                release.Dispose();
                throw;
            }
        }

        var ticket = await RequireAsync(key, cancellationToken).ConfigureAwait(false);
        return (ticket, await locks.AcquireAsync(ticket.Id, cancellationToken).ConfigureAwait(false));
    }

    private async Task<Ticket> RequireAsync(TicketKey key, CancellationToken cancellationToken) =>
        await GetTicketAsync(key, cancellationToken).ConfigureAwait(false)
        ?? throw new ItopObjectNotFoundException($"Ticket {key} not found.");

    private async Task<Tickets.People.Team?> TeamAsync(int? teamId, CancellationToken cancellationToken) =>
        teamId is { } id ? (await reference.GetTeamsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(t => t.Id == id) : null;

    private string CommentFor(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Name + options.Value.CommentSuffix;
    }

    private string EntryHtml(Actor actor, string text) =>
        "<p><strong>" + ItopText.Escape(CommentFor(actor)) + "</strong></p>" + ItopText.ToHtml(text);

    private static JsonObject FieldsOf(TicketChanges c)
    {
        var fields = new JsonObject();
        Set(fields, "team_id", c.TeamId);
        Set(fields, "agent_id", c.AgentId);
        Set(fields, "approver_id", c.ApproverId);
        Set(fields, "service_id", c.ServiceId);
        Set(fields, "servicesubcategory_id", c.SubServiceId);
        if (c.PendingReason is not null)
        {
            fields["pending_reason"] = c.PendingReason;
        }

        if (c.Solution is not null)
        {
            fields["solution"] = ItopText.ToHtml(c.Solution);
            fields["resolution_code"] = c.ResolutionCode ?? "assistance";
        }

        if (c.PublicLogText is not null)
        {
            fields["public_log"] = LogItem(ItopText.ToHtml(c.PublicLogText));
        }

        if (c.PrivateLogText is not null)
        {
            fields["private_log"] = LogItem(ItopText.ToHtml(c.PrivateLogText));
        }

        return fields;
    }

    private static JsonObject LogItem(string html) =>
        new() { ["add_item"] = new JsonObject { ["message"] = html, ["format"] = "html" } };

    private static void Set(JsonObject fields, string name, int? value)
    {
        if (value is { } v)
        {
            fields[name] = v;
        }
    }

    private static bool SameEntry(TicketLogEntry entry, string html, string text)
    {
        if (string.Equals(entry.Html, html, StringComparison.Ordinal))
        {
            return true;
        }

        var expected = Squash(text);
        return expected.Length > 0 && (Squash(entry.Text).Contains(expected, StringComparison.Ordinal) ||
                                       Squash(WebUtility.HtmlDecode(entry.Html)).Contains(expected, StringComparison.Ordinal));
    }

    private static string Squash(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
