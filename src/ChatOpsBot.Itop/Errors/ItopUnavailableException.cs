using ChatOpsBot.Tickets.Failures;

namespace ChatOpsBot.Itop.Errors;

/// <summary>iTop could not be reached: transport failure, timeout, open circuit, or an answer that is not iTop's JSON envelope.</summary>
public sealed class ItopUnavailableException : ItopException
{
    public ItopUnavailableException()
    {
    }

    public ItopUnavailableException(string message)
        : base(message)
    {
    }

    public ItopUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override DeskFailureKind Kind => DeskFailureKind.Unavailable;
}
