using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ChatOpsBot.Protocol.Authentication;

/// <summary>Builds cached, auto-refreshing OpenID metadata + JWKS managers over the factory's HttpClient.</summary>
internal static class OpenIdConfigurationManagers
{
    public const string HttpClientName = "ChatOpsBot.OpenIdMetadata";

    public static ConfigurationManager<OpenIdConnectConfiguration> Create(string metadataUrl, IHttpClientFactory httpClientFactory)
    {
        var uri = new Uri(metadataUrl, UriKind.Absolute);
        var retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(HttpClientName))
        {
            // Plain http is only ever accepted for a loopback metadata server (tests, local tooling).
            RequireHttps = !uri.IsLoopback,
        };

        // RefreshInterval rate-limits the refresh requested when a token names an unknown kid.
        return new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
            RefreshInterval = TimeSpan.FromMinutes(1),
        };
    }
}
