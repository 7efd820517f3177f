using System.Collections;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Microsoft.IdentityModel.Validators;

namespace ChatOpsBot.Protocol.Authentication;

/// <summary>
/// Validates inbound bearer tokens (PROTOCOL.md §2): Bot Framework tokens against the BF metadata, Entra ID tokens
/// (single-tenant bots) against the Entra metadata. Keys come from a cached ConfigurationManager that the handler
/// refreshes (rate-limited) when a token names an unknown kid.
/// </summary>
internal sealed class BotAuthenticator
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string TeamsChannelId = "msteams";

    private static readonly string[] BotServiceTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "69e9b82d-4842-4902-8d1e-abc5b98a55e8",
    ];

    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly SigningKeySource _botFramework;
    private readonly SigningKeySource? _entra;
    private readonly HashSet<string> _entraIssuers = new(StringComparer.Ordinal);

    public BotAuthenticator(IOptions<BotOptions> options, IHttpClientFactory httpClientFactory, TimeProvider timeProvider)
    {
        var settings = options.Value;
        var appId = settings.MicrosoftAppId ?? string.Empty;
        _botFramework = new SigningKeySource(
            () => OpenIdConfigurationManagers.Create(settings.OpenIdMetadataUrl, httpClientFactory),
            manager => CreateParameters(appId, [BotFrameworkIssuer], manager),
            timeProvider);

        var tenant = settings.MicrosoftAppTenantId;
        var entraUrl = !string.IsNullOrWhiteSpace(settings.EntraOpenIdMetadataUrl)
            ? settings.EntraOpenIdMetadataUrl
            : !string.IsNullOrWhiteSpace(tenant) ? $"https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration" : null;
        if (entraUrl is not null)
        {
            foreach (var t in string.IsNullOrWhiteSpace(tenant) ? BotServiceTenants : [.. BotServiceTenants, tenant])
            {
                _entraIssuers.Add($"https://sts.windows.net/{t}/");
                _entraIssuers.Add($"https://login.microsoftonline.com/{t}/v2.0");
            }

            _entra = new SigningKeySource(
                () => OpenIdConfigurationManagers.Create(entraUrl, httpClientFactory),
                manager =>
                {
                    var parameters = CreateParameters(appId, _entraIssuers, manager);
                    parameters.EnableAadSigningKeyIssuerValidation();
                    return parameters;
                },
                timeProvider);
        }
    }

    public async Task<InboundAuthResult> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
    {
        const string Bearer = "Bearer ";
        if (string.IsNullOrEmpty(authorization) || !authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return InboundAuthResult.Fail("missing bearer token");
        }

        var raw = authorization[Bearer.Length..].Trim();
        if (!_handler.CanReadToken(raw))
        {
            return InboundAuthResult.Fail("not a JWT");
        }

        JsonWebToken unvalidated;
        try
        {
            unvalidated = _handler.ReadJsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return InboundAuthResult.Fail("not a JWT");
        }

        var family = _entra is not null && _entraIssuers.Contains(unvalidated.Issuer) ? TokenFamily.Entra : TokenFamily.BotFramework;
        var source = family == TokenFamily.Entra ? _entra! : _botFramework;
        var kid = unvalidated.TryGetHeaderValue<string>("kid", out var headerKid) ? headerKid : null;
        var (parameters, configuration) = await source.GetAsync(kid, cancellationToken).ConfigureAwait(false);

        var result = await _handler.ValidateTokenAsync(raw, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return InboundAuthResult.Fail(result.Exception?.GetType().Name ?? "invalid token");
        }

        var token = (JsonWebToken)result.SecurityToken;
        var serviceUrl = token.TryGetPayloadValue<string>("serviceurl", out var claim) ? claim : null;
        IReadOnlyCollection<string>? endorsements = null;
        if (family == TokenFamily.BotFramework && configuration is not null)
        {
            endorsements = FindEndorsements(configuration, token.SigningKey?.KeyId ?? token.Kid);
        }

        return new InboundAuthResult(true, family, endorsements, serviceUrl, null);
    }

    /// <summary>Checks that need the activity: channel endorsement and the serviceurl claim. Returns a reason when refused (403).</summary>
    public static string? Authorize(InboundAuthResult auth, string? channelId, string? activityServiceUrl)
    {
        ArgumentNullException.ThrowIfNull(auth);
        if (!string.Equals(channelId, TeamsChannelId, StringComparison.Ordinal))
        {
            return "channelId is not msteams";
        }

        if (auth.Family == TokenFamily.BotFramework)
        {
            if (auth.Endorsements is null || !auth.Endorsements.Contains(channelId, StringComparer.Ordinal))
            {
                return "signing key not endorsed for the channel";
            }

            if (auth.ServiceUrlClaim is null)
            {
                return "serviceurl claim missing";
            }
        }

        if (auth.ServiceUrlClaim is not null
            && !string.Equals(TrimSlash(auth.ServiceUrlClaim), TrimSlash(activityServiceUrl), StringComparison.Ordinal))
        {
            return "serviceurl claim does not match the activity";
        }

        return null;
    }

    private static string? TrimSlash(string? value) => value?.TrimEnd('/');

    private static TokenValidationParameters CreateParameters(
        string appId, IEnumerable<string> issuers, ConfigurationManager<OpenIdConnectConfiguration> manager) =>
        new()
        {
            ValidIssuers = [.. issuers],
            ValidAudience = appId,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidAlgorithms = Algorithms,
            ClockSkew = TimeSpan.FromMinutes(5),
            ConfigurationManager = manager,
            TryAllIssuerSigningKeys = false,
        };

    private static string[]? FindEndorsements(OpenIdConnectConfiguration configuration, string? keyId)
    {
        if (keyId is null || configuration.JsonWebKeySet is null)
        {
            return null;
        }

        foreach (var key in configuration.JsonWebKeySet.Keys)
        {
            if (string.Equals(key.Kid, keyId, StringComparison.Ordinal))
            {
                return key.AdditionalData.TryGetValue("endorsements", out var value) ? ToStrings(value) : null;
            }
        }

        return null;
    }

    private static string[]? ToStrings(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array =>
            [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
        string single => [single],
        IEnumerable items => [.. items.Cast<object?>().Select(i => i?.ToString()).OfType<string>()],
        _ => null,
    };
}
