using Microsoft.Extensions.Options;

namespace ChatOpsBot.Protocol.Hosting;

/// <summary>Start-time checks of <see cref="BotOptions"/>.</summary>
internal sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new List<string>();
        if (options.AllowUnauthenticatedLocalRequests && options.IsAuthenticationConfigured)
        {
            failures.Add("Bot:AllowUnauthenticatedLocalRequests=true is refused when Bot:MicrosoftAppId is set.");
        }

        if (!string.IsNullOrWhiteSpace(options.MicrosoftAppPassword) && !string.IsNullOrWhiteSpace(options.ManagedIdentityClientId))
        {
            failures.Add("Set either Bot:MicrosoftAppPassword or Bot:ManagedIdentityClientId, not both.");
        }

        if (!IsAbsoluteHttpUrl(options.OpenIdMetadataUrl))
        {
            failures.Add("Bot:OpenIdMetadataUrl must be an absolute http(s) URL.");
        }

        if (!string.IsNullOrWhiteSpace(options.EntraOpenIdMetadataUrl) && !IsAbsoluteHttpUrl(options.EntraOpenIdMetadataUrl))
        {
            failures.Add("Bot:EntraOpenIdMetadataUrl must be an absolute http(s) URL.");
        }

        foreach (var url in options.AllowedServiceUrls)
        {
            if (!IsAbsoluteHttpUrl(url))
            {
                failures.Add("Bot:AllowedServiceUrls entries must be absolute http(s) URLs.");
                break;
            }
        }

        if (options.HandlerTimeout <= TimeSpan.Zero)
        {
            failures.Add("Bot:HandlerTimeout must be positive.");
        }

        if (options.DedupeWindow <= TimeSpan.Zero)
        {
            failures.Add("Bot:DedupeWindow must be positive.");
        }

        if (options.MaxRequestBodyBytes < 1024)
        {
            failures.Add("Bot:MaxRequestBodyBytes must be at least 1024.");
        }

        if (options.MaxStringBytes < 1024)
        {
            failures.Add("Bot:MaxStringBytes must be at least 1024.");
        }

        if (options.ConnectorMaxRetries is < 0 or > 10)
        {
            failures.Add("Bot:ConnectorMaxRetries must be between 0 and 10.");
        }

        if (options.ConnectorRetryBaseDelay < TimeSpan.Zero || options.ConnectorMaxRetryDelay < TimeSpan.Zero)
        {
            failures.Add("Bot:ConnectorRetryBaseDelay and Bot:ConnectorMaxRetryDelay must not be negative.");
        }

        if (options.MaxConcurrentTurns < 1 || options.QueueCapacity < 1)
        {
            failures.Add("Bot:MaxConcurrentTurns and Bot:QueueCapacity must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsAbsoluteHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
