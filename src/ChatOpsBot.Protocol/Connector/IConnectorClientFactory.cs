namespace ChatOpsBot.Protocol.Connector;

/// <summary>Creates <see cref="IConnectorClient"/>s; the serviceUrl must be on the allow-list.</summary>
public interface IConnectorClientFactory
{
    /// <exception cref="ServiceUrlNotAllowedException">The serviceUrl is not an allowed http(s) base.</exception>
    IConnectorClient Create(string serviceUrl);
}
