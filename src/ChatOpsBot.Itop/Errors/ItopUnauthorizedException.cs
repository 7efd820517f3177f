using ChatOpsBot.Tickets.Failures;

namespace ChatOpsBot.Itop.Errors;

/// <summary>iTop code 1: invalid login, missing profile or right.</summary>
public class ItopUnauthorizedException : ItopException
{
    public ItopUnauthorizedException()
    {
    }

    public ItopUnauthorizedException(string message)
        : base(message)
    {
    }

    public ItopUnauthorizedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ItopUnauthorizedException(int code, string message)
        : base(code, message)
    {
    }

    public override DeskFailureKind Kind => DeskFailureKind.CredentialsRefused;
}
