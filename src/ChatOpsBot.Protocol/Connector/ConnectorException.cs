namespace ChatOpsBot.Protocol.Connector;

/// <summary>A Connector call answered with a non-success status (after any retries).</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectorException(int statusCode, string? errorCode, string? errorMessage)
        : base($"Connector call failed with HTTP {statusCode}" + (errorCode is null ? "." : $" ({errorCode})."))
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }

    /// <summary>HTTP status of the final answer.</summary>
    public int StatusCode { get; }

    /// <summary><c>error.code</c> of the body (e.g. <c>ConversationNotFound</c>), when present.</summary>
    public string? ErrorCode { get; }

    /// <summary><c>error.message</c> of the body, when present.</summary>
    public string? ErrorMessage { get; }
}
