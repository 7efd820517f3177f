namespace ChatOpsBot.Protocol;

/// <summary>Settings of the section <c>Bot</c> (env vars <c>Bot__MicrosoftAppId</c>...).</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The bot's app id (the audience of inbound tokens). Empty = authentication not configured (every request refused, unless unauthenticated mode).</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>Home tenant of a single-tenant bot: outbound token authority and the only accepted Entra ID issuer.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>Client secret for outbound tokens (MSAL client credentials). Never logged.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>User-assigned managed identity client id, used for outbound tokens instead of a secret.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Local development only: accept unauthenticated requests from loopback; refused when an app id is set.</summary>
    public bool AllowUnauthenticatedLocalRequests { get; set; }

    /// <summary>
    /// Extra serviceUrl bases (scheme://host[:port]) allowed for outbound Connector calls (replies and proactive messages;
    /// the token, when there is one, goes to allowed hosts only). Loopback needs no entry in unauthenticated local mode.
    /// </summary>
    public string[] AllowedServiceUrls { get; set; } = [];

    /// <summary>
    /// Applications whose Entra ID tokens are accepted (the token's <c>azp</c>, or <c>appid</c> in a v1 token). Empty: the
    /// Bot Service's own, the "Messaging Bot API Application" (<c>5a807f24-c9de-44ee-a3a7-329e88a00ffc</c>).
    /// </summary>
    public string[] AllowedCallerAppIds { get; set; } = [];

    /// <summary>Bot Framework OpenID metadata.</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>Entra ID OpenID metadata for Entra-issued tokens (only with <see cref="MicrosoftAppTenantId"/>); defaults to the tenant's v2.0 metadata.</summary>
    public string? EntraOpenIdMetadataUrl { get; set; }

    /// <summary>Time budget of one turn (background activity or invoke).</summary>
    public TimeSpan HandlerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an (conversation.id, activity.id) pair is remembered to drop re-deliveries.</summary>
    public TimeSpan DedupeWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Largest accepted request body, in bytes.</summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Longest string value accepted anywhere in an activity, in UTF-8 bytes as sent (escapes included). Teams messages
    /// are at most about 28 KB; 40 000 bytes keeps every string the parser makes off the large-object heap.
    /// </summary>
    public int MaxStringBytes { get; set; } = 40_000;

    /// <summary>Outbound retries after the first attempt (429, 412, 502, 503, 504).</summary>
    public int ConnectorMaxRetries { get; set; } = 3;

    /// <summary>First backoff delay (doubled each retry, jittered) when no Retry-After is given.</summary>
    public TimeSpan ConnectorRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest single wait between retries; a longer Retry-After makes the call fail instead.</summary>
    public TimeSpan ConnectorMaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Turns processed in parallel by the background queue.</summary>
    public int MaxConcurrentTurns { get; set; } = 16;

    /// <summary>Activities waiting for the background queue before POSTs wait.</summary>
    public int QueueCapacity { get; set; } = 1024;

    internal bool IsAuthenticationConfigured => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}
