namespace ChatOpsBot.Tickets.Failures;

/// <summary>
/// A failure of the ticket store behind <see cref="ITicketDesk"/> (the adapter's own exceptions derive from it), so that
/// the bot can answer each <see cref="DeskFailureKind"/> without knowing the adapter. Domain refusals, raised before any
/// write, are <see cref="Rules.TicketRuleException"/> instead.
/// </summary>
public class TicketDeskException : Exception
{
    private readonly DeskFailureKind _kind = DeskFailureKind.Refused;

    public TicketDeskException()
    {
    }

    public TicketDeskException(string message)
        : base(message)
    {
    }

    public TicketDeskException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A failure of the given kind, e.g. the shared ticket lock not obtained in time (<see cref="DeskFailureKind.Unavailable"/>).</summary>
    public TicketDeskException(DeskFailureKind kind, string message, Exception? innerException = null)
        : base(message, innerException) => _kind = kind;

    /// <summary>Why the store failed; the adapter's exception types say it by overriding this.</summary>
    public virtual DeskFailureKind Kind => _kind;
}
