using ChatOpsBot.Tickets.Failures;

namespace ChatOpsBot.Itop.Errors;

/// <summary>Code 100: an object or external key does not exist or is not visible ("Invalid object …", "No item found …").</summary>
public sealed class ItopObjectNotFoundException : ItopInternalErrorException
{
    public ItopObjectNotFoundException()
    {
    }

    public ItopObjectNotFoundException(string message)
        : base(message)
    {
    }

    public ItopObjectNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ItopObjectNotFoundException(int code, string message)
        : base(code, message)
    {
    }

    public override DeskFailureKind Kind => DeskFailureKind.NotFound;
}
