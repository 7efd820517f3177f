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

    /// <summary>
    /// The application the Bot Service's Entra ID tokens are issued to (their <c>azp</c>, or <c>appid</c> in a v1 token):
    /// Microsoft's first-party "Messaging Bot API Application". Sources: Microsoft's first-party application list
    /// (merill/microsoft-info, MicrosoftApps.csv: this app id, owner tenant f8cdef31-… = Microsoft Services) and a real
    /// Entra token sent to a bot (agnte/Rido.BFLite, docs/Tokens.md: <c>azp</c> = this id, issuer = the bot's tenant).
    /// </summary>
    public const string MessagingBotApiAppId = "5a807f24-c9de-44ee-a3a7-329e88a00ffc";

    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly SigningKeySource _botFramework;
    private readonly SigningKeySource? _entra;
    private readonly HashSet<string> _entraIssuers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _entraCallers;

    public BotAuthenticator(IOptions<BotOptions> options, IHttpClientFactory httpClientFactory, TimeProvider timeProvider)
    {
        var settings = options.Value;
        var appId = settings.MicrosoftAppId ?? string.Empty;
        _botFramework = new SigningKeySource(
            () => OpenIdConfigurationManagers.Create(settings.OpenIdMetadataUrl, httpClientFactory),
            manager => CreateParameters(appId, [BotFrameworkIssuer], manager),
            timeProvider);

        _entraCallers = new HashSet<string>(
            settings.AllowedCallerAppIds is { Length: > 0 } callers ? callers : [MessagingBotApiAppId],
            StringComparer.OrdinalIgnoreCase);

        // Entra ID tokens only for a single-tenant bot, and only from its own tenant (v1 and v2 issuer forms).
        var tenant = settings.MicrosoftAppTenantId;
        if (!string.IsNullOrWhiteSpace(tenant))
        {
            var entraUrl = !string.IsNullOrWhiteSpace(settings.EntraOpenIdMetadataUrl)
                ? settings.EntraOpenIdMetadataUrl
                : $"https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration";
            _entraIssuers.Add($"https://sts.windows.net/{tenant}/");
            _entraIssuers.Add($"https://login.microsoftonline.com/{tenant}/v2.0");

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
        if (family == TokenFamily.Entra && !IsAllowedCaller(token))
        {
            return InboundAuthResult.Fail("Entra ID token issued to an application that is not an allowed caller (azp/appid)");
        }

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

    /// <summary>The application the token was issued to: <c>azp</c> (v2.0 tokens), else <c>appid</c> (v1.0).</summary>
    private bool IsAllowedCaller(JsonWebToken token)
    {
        var caller = token.TryGetPayloadValue<string>("azp", out var azp) && !string.IsNullOrEmpty(azp) ? azp
            : token.TryGetPayloadValue<string>("appid", out var appId) ? appId
            : null;
        return caller is not null && _entraCallers.Contains(caller);
    }

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
