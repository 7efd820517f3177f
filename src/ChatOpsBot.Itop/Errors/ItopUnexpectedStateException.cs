using ChatOpsBot.Tickets.Failures;

namespace ChatOpsBot.Itop.Errors;

/// <summary>iTop answered success but the ticket is not in the expected state, or a case-log entry was not stored.</summary>
public sealed class ItopUnexpectedStateException : ItopException
{
    public ItopUnexpectedStateException()
    {
    }

    public ItopUnexpectedStateException(string message)
        : base(message)
    {
    }

    public ItopUnexpectedStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override DeskFailureKind Kind => DeskFailureKind.UnexpectedAnswer;
}
