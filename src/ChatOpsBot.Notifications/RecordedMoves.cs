using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Notifications;

/// <summary>
/// The bot's records of its own writes (<see cref="TicketMoveRecord"/>) that belong to one change of a ticket: a record
/// whose case-log entry is among the entries new since the snapshot (found by its author and text, whatever its date),
/// or, when that entry is missing, whose write iTop dated after the snapshot. Each event of the change takes the record
/// of its kind nearest to its date, once.
/// </summary>
internal sealed class RecordedMoves
{
    private readonly List<(TicketMoveRecord Record, TicketLogEntry? Entry, DateTimeOffset At)> _moves = [];
    private readonly HashSet<TicketLogEntry> _claimed = [];

    public RecordedMoves(Ticket? before, Ticket after, IReadOnlyList<TicketMoveRecord> records)
    {
        var newPublic = NewEntries(before?.PublicLog, after.PublicLog);
        var newPrivate = NewEntries(before?.PrivateLog, after.PrivateLog);
        foreach (var record in records.Where(r => r.TicketId == after.Id))
        {
            var entry = record.PublicLogText is { } publicText ? EntryOf(newPublic, record, publicText)
                : record.PrivateLogText is { } privateText ? EntryOf(newPrivate, record, privateText)
                : null;
            var dated = record.WrittenAt is { } written && written <= after.LastUpdate && (before?.LastUpdate is not { } seen || written > seen);
            if ((entry is not null || dated) && (record.WrittenAt ?? entry?.Date) is { } at)
            {
                _moves.Add((record, entry, at));
                if (entry is not null)
                {
                    _claimed.Add(entry);
                }
            }
        }
    }

    /// <summary>An entry written with a recorded write: not to be taken for the entry of a move made elsewhere.</summary>
    public bool Claims(TicketLogEntry entry) => _claimed.Contains(entry);

    /// <summary>The recorded write behind an event of <paramref name="kind"/> dated <paramref name="at"/>, with its entry; null when the bot did not make it (or has no record of it).</summary>
    public (TicketMoveRecord Record, TicketLogEntry? Entry)? Take(TicketEventKind kind, DateTimeOffset at)
    {
        var match = _moves.Where(m => Gives(m.Record.Move, kind)).OrderBy(m => (m.At - at).Duration()).FirstOrDefault();
        if (match.Record is null)
        {
            return null;
        }

        _moves.Remove(match);
        return (match.Record, match.Entry);
    }

    /// <summary>The events a write gives (iTop sets no date on a reassignment: it may show as either).</summary>
    private static bool Gives(string move, TicketEventKind kind) => move switch
    {
        "ev_assign" or "ev_reassign" => kind is TicketEventKind.Assigned or TicketEventKind.Reassigned,
        "ev_pending" => kind is TicketEventKind.Pending,
        "ev_resolve" => kind is TicketEventKind.Resolved,
        "ev_reopen" => kind is TicketEventKind.Reopened,
        "ev_close" => kind is TicketEventKind.Closed,
        "ev_wait_for_approval" => kind is TicketEventKind.ApprovalRequested,
        "ev_approve" => kind is TicketEventKind.Approved,
        "ev_reject" => kind is TicketEventKind.Rejected,
        TicketMoveRecord.Create => kind is TicketEventKind.Created,
        _ => false,
    };

    private static List<TicketLogEntry> NewEntries(IReadOnlyList<TicketLogEntry>? before, IReadOnlyList<TicketLogEntry> after)
    {
        var seen = (before ?? []).Select(e => (e.Date, e.Text)).ToHashSet();
        return [.. after.Where(e => !seen.Contains((e.Date, e.Text)))];
    }

    /// <summary>The entry the write appended: the bot's, naming the same person, with the text sent (iTop may change its spacing).</summary>
    private TicketLogEntry? EntryOf(List<TicketLogEntry> entries, TicketMoveRecord record, string text)
    {
        var expected = Squash(text);
        return entries
            .Where(e => !_claimed.Contains(e) && string.Equals(e.Actor, record.Actor, StringComparison.Ordinal) && Squash(e.Message) == expected)
            .OrderBy(e => record.WrittenAt is { } written ? (e.Date - written).Duration() : TimeSpan.Zero)
            .FirstOrDefault();
    }

    private static string Squash(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
