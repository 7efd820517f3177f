using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Refit;

namespace ChatOpsBot.Protocol.Connector;

/// <summary>One Refit client per call over the pooled "connector" HttpClient, based at the serviceUrl.</summary>
internal sealed class ConnectorClientFactory(
    IHttpClientFactory httpClientFactory,
    ServiceUrlAllowList allowList,
    RefitSettings refitSettings,
    ILogger<ConnectorClientFactory> logger)
    : IConnectorClientFactory
{
    public const string HttpClientName = "ChatOpsBot.Connector";

    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.OrdinalIgnoreCase);

    public IConnectorClient Create(string serviceUrl)
    {
        var baseUri = NormalizeServiceUrl(serviceUrl);
        if (!allowList.IsAllowed(baseUri))
        {
            var origin = baseUri.GetLeftPart(UriPartial.Authority) + "/";
            if (_refused.TryAdd(origin, true))
            {
                Log.ServiceUrlRefused(logger, origin);
            }

            throw new ServiceUrlNotAllowedException(
                $"The serviceUrl {origin} is not on the allow-list: add it to {BotOptions.SectionName}:{nameof(BotOptions.AllowedServiceUrls)} to allow it.");
        }

        var httpClient = httpClientFactory.CreateClient(HttpClientName);
        httpClient.BaseAddress = baseUri;
        return new ConnectorClient(RestService.For<IConnectorApi>(httpClient, refitSettings), baseUri);
    }

    internal static Uri NormalizeServiceUrl(string serviceUrl) =>
        TryNormalizeServiceUrl(serviceUrl) ?? throw new ServiceUrlNotAllowedException("The serviceUrl is not an absolute http(s) base URL.");

    // Refit appends "/v3/..." to the base path after trimming its trailing '/': exactly one '/' joins them.
    internal static Uri? TryNormalizeServiceUrl(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }

        var builder = new UriBuilder(uri) { Path = uri.AbsolutePath.TrimEnd('/') + "/" };
        return builder.Uri;
    }
}
