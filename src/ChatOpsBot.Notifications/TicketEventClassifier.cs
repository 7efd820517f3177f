using System.Globalization;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Notifications;

/// <summary>
/// Derives events from the ticket as last seen (<c>null</c>: never seen) and as iTop has it now. Several moves between
/// two polls are told apart with the dates iTop sets on them (LIFECYCLE.md §3: assignment_date on ev_assign,
/// last_pending_date on ev_pending, resolution_date on ev_resolve, close_date on ev_close), so "assigned then resolved"
/// within one poll gives both events, in order; moves that set no date (reassign, reopen, approvals) show only as the
/// difference between the two states.
/// <para>
/// Each event names who made the change when the bot made it. The bot records every write it sends
/// (<see cref="TicketMoveRecord"/>, <see cref="TicketMoveStore"/>): a move with a record is its actor's, and a reopening's
/// reason is the public-log entry written with it, whatever else was written in the same second. A move without a
/// record (made in the iTop console, or by the bot before records existed) is named after the bot's case-log entry of
/// its second that no record claims (<see cref="TicketLogEntry.Actor"/>, ±1 s): nobody for a console move, unless an
/// unrecorded entry from Teams shares its second. A public-log entry always names its own author.
/// </para>
/// </summary>
public static class TicketEventClassifier
{
    /// <param name="before">The ticket when last seen; null when never seen.</param>
    /// <param name="after">The ticket now.</param>
    /// <param name="createdAfter">
    /// For a ticket never seen: created after this instant it is new; created before (the bot was not watching),
    /// only its current state is announced.
    /// </param>
    /// <param name="moves">The bot's records of its writes to this ticket (any age: those of this change are picked out).</param>
    public static IReadOnlyList<TicketEvent> Classify(Ticket? before, Ticket after, DateTimeOffset? createdAfter = null, IReadOnlyList<TicketMoveRecord>? moves = null)
    {
        ArgumentNullException.ThrowIfNull(after);
        var stamp = (after.LastUpdate ?? after.StartDate ?? DateTimeOffset.MinValue).UtcTicks.ToString(CultureInfo.InvariantCulture);
        var events = new List<TicketEvent>();
        var recorded = new RecordedMoves(before, after, moves ?? []);
        var actors = NewActorEntries(before, after, recorded);
        var changedAt = after.LastUpdate ?? after.StartDate ?? DateTimeOffset.MinValue;
        var seen = (before?.PublicLog ?? []).Select(e => (e.Date, e.Text)).ToHashSet();
        var newPublic = after.PublicLog.Where(e => !seen.Contains((e.Date, e.Text))).OrderBy(e => e.Date).ToList();
        TicketEvent Attributed(TicketEvent e, DateTimeOffset at)
        {
            // A move the bot recorded is its actor's, with the entry written with it; else the unclaimed entry of its second.
            if (e.LogEntry is null && recorded.Take(e.Kind, at) is ({ } record, var entry))
            {
                return e with { LogEntry = e.Kind == TicketEventKind.Reopened ? entry : null, Actor = record.Actor, ActorId = record.PersonId > 0 ? record.PersonId : null };
            }

            // A reopening carries its reason: the public-log entry written with the move (the bot writes both in one call).
            var reason = e.LogEntry ?? (e.Kind == TicketEventKind.Reopened && before is not null ? EntryAt(newPublic.Where(p => !recorded.Claims(p)), at) : null);
            return e with { LogEntry = reason, Actor = reason?.Actor ?? ActorAt(actors, at) };
        }

        void Add(TicketEventKind kind, string? suffix = null, TicketLogEntry? entry = null, DateTimeOffset? at = null) =>
            events.Add(Attributed(new TicketEvent(kind, after, stamp + ":" + kind + (suffix is null ? "" : ":" + suffix), entry), at ?? changedAt));

        if (before is null && createdAfter is { } since && after.StartDate is { } start && start <= since)
        {
            if (StateEvent(after.Status) is { } current)
            {
                Add(current);
            }

            return events;
        }

        if (before is null)
        {
            Add(TicketEventKind.Created, at: after.StartDate);
        }

        var state = before?.Status ?? TicketStatus.New;
        foreach (var step in DatedSteps(before, after))
        {
            // The same state again means it was left and re-entered in between (e.g. reopened, then resolved again).
            if (step.To == state && Return(state) is { } back)
            {
                Add(back, Ticks(step.At) + ":back", at: step.At);
            }

            Add(step.Kind, Ticks(step.At), at: step.At);
            state = step.To;
        }

        if (state != after.Status && Transition(state, after.Status, before, after) is { } last)
        {
            Add(last);
        }

        // Reopened says nothing of the agent: a reopened ticket handed to someone else is also a reassignment.
        var assigned = events.Any(e => e.Kind is TicketEventKind.Assigned);
        if (before is not null && !assigned && after.AgentId is not null && before.AgentId is not null && before.AgentId != after.AgentId)
        {
            // Before whatever followed (e.g. resolved by the new agent).
            events.Insert(0, Attributed(new TicketEvent(TicketEventKind.Reassigned, after, stamp + ":" + TicketEventKind.Reassigned), changedAt));
        }

        if (before is not null)
        {
            foreach (var entry in newPublic)
            {
                // Two entries in the same second differ by their text.
                Add(TicketEventKind.PublicLogEntry, Ticks(entry.Date) + ":" + TextKey(entry.Text), entry);
            }
        }

        return [.. events.Select((e, i) => e with { Sequence = i })];
    }

    /// <summary>The case-log entries (public and private) written from Teams since <paramref name="before"/> that no record claims, with who wrote them.</summary>
    private static List<(DateTimeOffset Date, string Actor)> NewActorEntries(Ticket? before, Ticket after, RecordedMoves recorded)
    {
        var seen = (before?.PublicLog ?? []).Concat(before?.PrivateLog ?? []).Select(e => (e.Date, e.Text)).ToHashSet();
        return [.. after.PublicLog.Concat(after.PrivateLog)
            .Where(e => e.Actor is not null && !seen.Contains((e.Date, e.Text)) && !recorded.Claims(e))
            .Select(e => (e.Date, e.Actor!))];
    }

    /// <summary>
    /// Who made the move dated <paramref name="at"/>: the author of the entry written with it (same second, or the next
    /// one when iTop's clock turned during the call); null when no such entry (a change made in the console).
    /// </summary>
    private static string? ActorAt(List<(DateTimeOffset Date, string Actor)> actors, DateTimeOffset at) =>
        actors.Where(a => (a.Date - at).Duration() <= ActorClockSlack)
            .OrderBy(a => (a.Date - at).Duration())
            .Select(a => a.Actor)
            .FirstOrDefault();

    private static TicketLogEntry? EntryAt(IEnumerable<TicketLogEntry> entries, DateTimeOffset at) =>
        entries.Where(e => (e.Date - at).Duration() <= ActorClockSlack).OrderBy(e => (e.Date - at).Duration()).FirstOrDefault();

    private static readonly TimeSpan ActorClockSlack = TimeSpan.FromSeconds(1);

    /// <summary>The moves iTop dated since <paramref name="before"/>, oldest first (same second: lifecycle order).</summary>
    private static IEnumerable<(DateTimeOffset At, TicketEventKind Kind, TicketStatus To)> DatedSteps(Ticket? before, Ticket after)
    {
        var steps = new List<(DateTimeOffset At, TicketEventKind Kind, TicketStatus To)>();
        void Step(DateTimeOffset? was, DateTimeOffset? now, TicketEventKind kind, TicketStatus to)
        {
            // A date before the last snapshot is old news (e.g. a snapshot saved before that date was read); same second: new.
            if (now is { } at && at != was && (before?.LastUpdate is not { } seen || at >= seen))
            {
                steps.Add((at, kind, to));
            }
        }

        Step(before?.AssignmentDate, after.AssignmentDate, TicketEventKind.Assigned, TicketStatus.Assigned);
        Step(before?.LastPendingDate, after.LastPendingDate, TicketEventKind.Pending, TicketStatus.Pending);
        Step(before?.ResolutionDate, after.ResolutionDate, TicketEventKind.Resolved, TicketStatus.Resolved);
        Step(before?.CloseDate, after.CloseDate, TicketEventKind.Closed, TicketStatus.Closed);
        return steps.OrderBy(s => s.At).ThenBy(s => s.To is TicketStatus.Assigned ? 0 : s.To is TicketStatus.Pending ? 1 : s.To is TicketStatus.Resolved ? 2 : 3);
    }

    /// <summary>How a state is left so that it can be entered again: resolved → reopened, pending → assigned again.</summary>
    private static TicketEventKind? Return(TicketStatus state) => state switch
    {
        TicketStatus.Resolved => TicketEventKind.Reopened,
        TicketStatus.Pending => TicketEventKind.Assigned,
        _ => null,
    };

    private static TicketEventKind? Transition(TicketStatus from, TicketStatus to, Ticket? before, Ticket after) => to switch
    {
        TicketStatus.Assigned when from is TicketStatus.Resolved or TicketStatus.Rejected => TicketEventKind.Reopened,
        TicketStatus.Assigned when from is TicketStatus.EscalatedTtr && before?.AgentId == after.AgentId => null,
        TicketStatus.New when from is TicketStatus.Rejected => TicketEventKind.Reopened,
        TicketStatus.New => null,
        _ => StateEvent(to),
    };

    private static TicketEventKind? StateEvent(TicketStatus status) => status switch
    {
        TicketStatus.Assigned => TicketEventKind.Assigned,
        TicketStatus.Pending => TicketEventKind.Pending,
        TicketStatus.Resolved => TicketEventKind.Resolved,
        TicketStatus.Closed => TicketEventKind.Closed,
        TicketStatus.WaitingForApproval => TicketEventKind.ApprovalRequested,
        TicketStatus.Approved => TicketEventKind.Approved,
        TicketStatus.Rejected => TicketEventKind.Rejected,
        _ => null,
    };

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString(CultureInfo.InvariantCulture);

    private static string TextKey(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)), 0, 8);
}
