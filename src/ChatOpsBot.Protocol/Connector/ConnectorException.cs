using System.Net.Http.Headers;

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

    public ConnectorException(int statusCode, string? errorCode, string? errorMessage, RetryConditionHeaderValue? retryAfter = null)
        : base($"Connector call failed with HTTP {statusCode}" + (errorCode is null ? "." : $" ({errorCode})."))
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        RetryAfter = retryAfter;
    }

    /// <summary>HTTP status of the final answer.</summary>
    public int StatusCode { get; }

    /// <summary><c>error.code</c> of the body (e.g. <c>ConversationNotFound</c>), when present.</summary>
    public string? ErrorCode { get; }

    /// <summary><c>error.message</c> of the body, when present.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The answer's <c>Retry-After</c> (429, 503), when it had one.</summary>
    public RetryConditionHeaderValue? RetryAfter { get; }

    /// <summary>How long the Connector asked to wait from <paramref name="now"/>; null when it did not say.</summary>
    public TimeSpan? RetryDelay(DateTimeOffset now) => Connector.RetryAfter.Delay(RetryAfter, now);
}
