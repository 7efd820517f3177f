namespace ChatOpsBot.Itop.Errors;

/// <summary>Code 100: the target state's mandatory attributes are empty ("Missing mandatory attribute(s) …").</summary>
public sealed class ItopMissingAttributesException : ItopInternalErrorException
{
    public ItopMissingAttributesException()
    {
    }

    public ItopMissingAttributesException(string message)
        : base(message)
    {
    }

    public ItopMissingAttributesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ItopMissingAttributesException(int code, string message)
        : base(code, message)
    {
    }
}
