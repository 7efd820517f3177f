namespace ChatOpsBot.Itop.Errors;

/// <summary>iTop code 100: iTop rejected the data (validation, unknown key, invalid stimulus…).</summary>
public class ItopInternalErrorException : ItopException
{
    public ItopInternalErrorException()
    {
    }

    public ItopInternalErrorException(string message)
        : base(message)
    {
    }

    public ItopInternalErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ItopInternalErrorException(int code, string message)
        : base(code, message)
    {
    }
}
