namespace ChatOpsBot.Itop.Errors;

/// <summary>iTop codes 2, 3, 4, 10, 11, 13: the request itself is malformed (a bug on our side).</summary>
public class ItopBadRequestException : ItopException
{
    public ItopBadRequestException()
    {
    }

    public ItopBadRequestException(string message)
        : base(message)
    {
    }

    public ItopBadRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ItopBadRequestException(int code, string message)
        : base(code, message)
    {
    }
}
