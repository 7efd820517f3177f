using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.Itop.Errors;
using ChatOpsBot.Itop.Rest;
using ChatOpsBot.Itop.Text;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Lifecycle;
using ChatOpsBot.Tickets.Rules;

namespace ChatOpsBot.Itop.Desk;

// Each write: lock the ticket (this process, then every instance) → one read of the ticket (its current state is what
// the caller's checks and the domain's rules run on) → exactly one write naming the actor, whose case-log entry starts
// with the actor's name → the answer is checked (status, approver, case-log entry) and returned.
public sealed partial class ItopTicketDesk
{
    public async Task<Ticket> CreateTicketAsync(TicketDraft draft, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var catalog = await reference.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var caller = await reference.GetPersonAsync(draft.CallerId, cancellationToken).ConfigureAwait(false);
        draft.Validate(caller, catalog);
        var description = TicketDescription.ToHtml(draft.Description, draft.UserWords, draft.SchoolReference);
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

        // Like every write from Teams, the creation carries a case-log entry naming who opened the ticket. The draft's marker
        // goes there too: no UserRequest attribute is hidden in every state and iTop strips comments and attributes from HTML,
        // and the private log is never shown to the caller (portal); the agents read it as a plain line.
        var shown = TicketTexts.LogLine("created", null);
        var entry = draft.OriginMarker is { Length: > 0 } marker ? shown + "\n\n" + DraftMarker.Line(marker) : shown;

        fields["private_log"] = LogItem(EntryHtml(actor, entry));
        var created = mapper.ToTicket(await client.CreateAsync(UserRequest, fields, CommentFor(actor), ItopFields.Ticket, cancellationToken).ConfigureAwait(false));
        // A creation has no id to record under before iTop gives one: recorded after (a ticket seen before its record is
        // named by its creation's entry, the only one it has). The record holds the entry as it is read back, without the
        // marker, or the change feed would not know it for the bot's and could name its author for a console move of that second.
        await moves.CompleteAsync(RecordOf(created.Id, TicketMoveRecord.Create, actor, null, shown), created, CancellationToken.None).ConfigureAwait(false);
        return created;
    }

    public async Task<TicketWriteResult> WriteAsync(TicketKey key, Actor actor, TicketWritePlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(plan);
        // The lock comes before the read the rules are checked on: a ref is first resolved to its id (a ref never changes).
        if ((key.Id ?? await ResolveIdAsync(key, cancellationToken).ConfigureAwait(false)) is not { } id)
        {
            return new TicketWriteResult(null, null);
        }

        using (await locks.AcquireAsync(id, cancellationToken).ConfigureAwait(false))
        {
            var shared = await sharedLock.AcquireAsync(id, cancellationToken).ConfigureAwait(false);
            await using (shared.ConfigureAwait(false))
            {
                if (await GetTicketAsync(TicketKey.FromId(id), cancellationToken).ConfigureAwait(false) is not { } before)
                {
                    return new TicketWriteResult(null, null);
                }

                var write = await plan(before, cancellationToken).ConfigureAwait(false);
                if (write is null)
                {
                    return new TicketWriteResult(before, null);
                }

                if (write.TicketId != before.Id)
                {
                    throw new ArgumentException($"The plan for ticket {before.Id} wrote to ticket {write.TicketId}.", nameof(plan));
                }

                // Who made it is recorded before iTop has it, so the change feed never sees the move without its record; the
                // date iTop set on it once iTop answered (not cancelled: the write is made).
                var move = RecordOf(before.Id, write is TicketTransition t ? t.Stimulus.ToCode() : TicketMoveRecord.Update, actor, write.Changes.PublicLogText, write.Changes.PrivateLogText);
                await moves.BeginAsync(move, cancellationToken).ConfigureAwait(false);
                var after = await SendAsync(before, write, actor, cancellationToken).ConfigureAwait(false);
                await moves.CompleteAsync(move, after, CancellationToken.None).ConfigureAwait(false);
                return new TicketWriteResult(before, after);
            }
        }
    }

    /// <summary>The one call, then what iTop answered is checked against what was asked (no read after a write).</summary>
    private async Task<Ticket> SendAsync(Ticket before, TicketWrite write, Actor actor, CancellationToken cancellationToken)
    {
        var fields = FieldsOf(write.Changes, actor);
        var answer = write is TicketTransition move
            ? await client.ApplyStimulusAsync(UserRequest, before.Id, move.Stimulus.ToCode(), fields, CommentFor(actor), ItopFields.Ticket, cancellationToken).ConfigureAwait(false)
            : await client.UpdateAsync(UserRequest, before.Id, fields, CommentFor(actor), ItopFields.Ticket, cancellationToken).ConfigureAwait(false);
        var after = mapper.ToTicket(answer);
        if (write is TicketTransition t && after.Status != t.To)
        {
            Unexpected(before, $"{t.Stimulus.ToCode()} answered success but the status is '{after.Status.ToCode()}', expected '{t.To.ToCode()}'");
        }

        if (write.Changes.ApproverId is { } approver && after.ApproverId != approver)
        {
            Unexpected(before, $"approver_id answered {after.ApproverId}, expected {approver}");
        }

        // An update is its entry: a lost one is a failed write. A move is done whatever became of its line: only logged.
        var required = write is TicketUpdate;
        ConfirmEntry(before, before.PublicLog.Count, answer.CaseLog("public_log"), write.Changes.PublicLogText, actor, required);
        ConfirmEntry(before, before.PrivateLog.Count, answer.CaseLog("private_log"), write.Changes.PrivateLogText, actor, required);
        return after;
    }

    /// <summary>
    /// The entry asked for is among those appended (iTop loses one of two concurrent appends); its login is the bot's own.
    /// Compared on iTop's stored entries (<paramref name="newLog"/>, the answer before mapping): the domain has no HTML.
    /// </summary>
    private void ConfirmEntry(Ticket before, int oldCount, IReadOnlyList<ItopCaseLogEntry> newLog, string? text, Actor actor, bool required)
    {
        if (text is null)
        {
            return;
        }

        var html = EntryHtml(actor, text);
        if (newLog.Skip(oldCount).FirstOrDefault(e => SameEntry(e, html, text)) is { } entry)
        {
            account.Learn(entry.UserLogin);
            return;
        }

        const string problem = "the case-log entry is not in iTop's answer (lost by a concurrent write?)";
        if (required)
        {
            Unexpected(before, problem);
        }

        Log.UnexpectedState(logger, before.Id, problem);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Unexpected(Ticket ticket, string problem)
    {
        Log.UnexpectedState(logger, ticket.Id, problem);
        throw new ItopUnexpectedStateException($"Ticket {ticket.Ref}: {problem}.");
    }

    private TicketMoveRecord RecordOf(int ticketId, string move, Actor actor, string? publicText, string? privateText) =>
        new(ticketId, Guid.NewGuid().ToString("N"), move, actor.PersonId, actor.Name, publicText, privateText, time.GetUtcNow());

    private async Task<int?> ResolveIdAsync(TicketKey key, CancellationToken cancellationToken)
    {
        var envelope = await client.GetAsync(UserRequest, KeyOf(key), "id", null, null, cancellationToken).ConfigureAwait(false);
        return envelope.Objects.Count == 1 ? envelope.Objects[0].Key : null;
    }

    private string CommentFor(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Name + options.Value.CommentSuffix;
    }

    private string EntryHtml(Actor actor, string text) => ActorLine.Html(CommentFor(actor), text);

    private JsonObject FieldsOf(TicketChanges c, Actor actor)
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
            fields["public_log"] = LogItem(EntryHtml(actor, c.PublicLogText));
        }

        if (c.PrivateLogText is not null)
        {
            fields["private_log"] = LogItem(EntryHtml(actor, c.PrivateLogText));
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

    private static bool SameEntry(ItopCaseLogEntry entry, string html, string text)
    {
        if (string.Equals(entry.MessageHtml, html, StringComparison.Ordinal))
        {
            return true;
        }

        var expected = Squash(text);
        return expected.Length > 0 && (Squash(entry.Message).Contains(expected, StringComparison.Ordinal) ||
                                       Squash(WebUtility.HtmlDecode(entry.MessageHtml)).Contains(expected, StringComparison.Ordinal));
    }

    private static string Squash(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
