using ChatOpsBot.Tickets.Failures;

namespace ChatOpsBot.Itop.Errors;

/// <summary>iTop refused a call. <see cref="Code"/> is iTop's RestResult code (null when iTop did not answer); <see cref="TicketDeskException.Kind"/> says how the bot answers it.</summary>
public class ItopException : TicketDeskException
{
    public ItopException()
    {
    }

    public ItopException(string message)
        : base(message)
    {
    }

    public ItopException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ItopException(int? code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    public int? Code { get; }
}
