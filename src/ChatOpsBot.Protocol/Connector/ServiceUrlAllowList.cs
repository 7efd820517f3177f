using Microsoft.Extensions.Options;

namespace ChatOpsBot.Protocol.Connector;

/// <summary>
/// Hosts a bearer token may be sent to: https on *.botframework.com, exactly smba.trafficmanager.net
/// (trafficmanager.net is a shared namespace), *.teams.microsoft.com, *.teams.microsoft.us, plus the
/// scheme/host/port of each <c>Bot:AllowedServiceUrls</c> entry. In unauthenticated local mode (no token is ever sent,
/// only loopback callers are served) any loopback host is allowed too, so a local client needs no configuration.
/// </summary>
internal sealed class ServiceUrlAllowList(IOptions<BotOptions> options)
{
    private static readonly string[] DefaultSuffixes = [".botframework.com", ".teams.microsoft.com", ".teams.microsoft.us"];

    private readonly Uri[] _extra = [.. options.Value.AllowedServiceUrls.Select(u => new Uri(u, UriKind.Absolute))];

    private readonly bool _loopbackAllowed = options.Value.AllowUnauthenticatedLocalRequests;

    /// <summary>True when <paramref name="serviceUrl"/> is an absolute http(s) base URL the Connector client may call.</summary>
    public bool IsAllowed(string? serviceUrl) =>
        ConnectorClientFactory.TryNormalizeServiceUrl(serviceUrl) is { } uri && IsAllowed(uri);

    public bool IsAllowed(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            return false;
        }

        if (_loopbackAllowed && uri.IsLoopback)
        {
            return true;
        }

        foreach (var allowed in _extra)
        {
            if (string.Equals(allowed.Scheme, uri.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(allowed.IdnHost, uri.IdnHost, StringComparison.OrdinalIgnoreCase)
                && allowed.Port == uri.Port)
            {
                return true;
            }
        }

        if (uri.Scheme != Uri.UriSchemeHttps || !uri.IsDefaultPort)
        {
            return false;
        }

        var host = uri.IdnHost;
        if (string.Equals(host, "smba.trafficmanager.net", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var suffix in DefaultSuffixes)
        {
            if (host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) || string.Equals(host, suffix[1..], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
