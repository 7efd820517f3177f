namespace ChatOpsBot.Tickets;

/// <summary>
/// Who made one write the bot sent to a ticket: recorded by the desk before the call (<see cref="WrittenAt"/> null) and
/// again once the store answered, with the ticket's <c>last_update</c> as the store dated the write. The change feed
/// names the actor of a move from it; iTop cannot say (every write of the bot is under its one account, and a
/// case-log entry's date does not tell two writes of the same second apart).
/// </summary>
/// <param name="Move">The stimulus code (<c>ev_reopen</c>…), <see cref="Update"/> for a write that is not a move (a comment, another approver), <see cref="Create"/> for a creation.</param>
/// <param name="PersonId">The actor's iTop person id; 0 when unknown.</param>
/// <param name="Actor">The actor's name, as the case-log entry of the write names them.</param>
/// <param name="PublicLogText">The public-log entry written with it (e.g. a reopen's reason), as sent.</param>
/// <param name="PrivateLogText">The private-log entry written with it, as the store reads it back (a creation's draft marker left out).</param>
/// <param name="RecordedAt">When the bot recorded it (its own clock; the record's expiry counts from it).</param>
public sealed record TicketMoveRecord(
    int TicketId,
    string Id,
    string Move,
    int PersonId,
    string Actor,
    string? PublicLogText,
    string? PrivateLogText,
    DateTimeOffset RecordedAt)
{
    public const string Update = "update";
    public const string Create = "create";

    /// <summary>The ticket's last update in the store's answer to the write; null while the answer is not known.</summary>
    public DateTimeOffset? WrittenAt { get; init; }
}
