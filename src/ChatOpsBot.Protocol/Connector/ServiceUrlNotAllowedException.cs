namespace ChatOpsBot.Protocol.Connector;

/// <summary>An outbound call to a serviceUrl that is not on the allow-list was refused before any request was made.</summary>
public sealed class ServiceUrlNotAllowedException : InvalidOperationException
{
    public ServiceUrlNotAllowedException()
    {
    }

    public ServiceUrlNotAllowedException(string message)
        : base(message)
    {
    }

    public ServiceUrlNotAllowedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
