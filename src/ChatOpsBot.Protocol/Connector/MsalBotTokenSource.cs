using Microsoft.Identity.Client;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Protocol.Connector;

/// <summary>
/// Client credentials with MSAL: authority = the bot's home tenant (single-tenant) or botframework.com (legacy
/// multi-tenant); MSAL's in-memory app token cache serves and refreshes the token.
/// </summary>
internal sealed class MsalBotTokenSource : IBotTokenSource
{
    internal const string Scope = "https://api.botframework.com/.default";

    private readonly IConfidentialClientApplication _app;

    public MsalBotTokenSource(IOptions<BotOptions> options)
    {
        var settings = options.Value;
        var tenant = string.IsNullOrWhiteSpace(settings.MicrosoftAppTenantId) ? "botframework.com" : settings.MicrosoftAppTenantId;
        _app = ConfidentialClientApplicationBuilder.Create(settings.MicrosoftAppId)
            .WithClientSecret(settings.MicrosoftAppPassword)
            .WithAuthority($"https://login.microsoftonline.com/{tenant}")
            .Build();
    }

    internal string Authority => _app.Authority;

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await _app.AcquireTokenForClient([Scope]).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return result.AccessToken;
    }
}
