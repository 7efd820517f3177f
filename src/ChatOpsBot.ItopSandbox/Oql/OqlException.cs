namespace ChatOpsBot.ItopSandbox.Oql;

/// <summary>An OQL query that iTop would refuse; the message mimics iTop's exception text.</summary>
public sealed class OqlException : Exception
{
    public OqlException(string exceptionClass, string message)
        : base(message)
    {
        ExceptionClass = exceptionClass;
    }

    public OqlException()
    {
        ExceptionClass = "OQLException";
    }

    public OqlException(string message)
        : base(message)
    {
        ExceptionClass = "OQLException";
    }

    public OqlException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExceptionClass = "OQLException";
    }

    public string ExceptionClass { get; }
}
