using ChatOpsBot.Protocol.Hosting;
using Xunit;

namespace ChatOpsBot.Protocol.Tests.Hosting;

public class BotOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        var options = new BotOptions();
        Assert.True(new BotOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(BotOptions.DefaultOpenIdMetadataUrl, options.OpenIdMetadataUrl);
        Assert.Equal(TimeSpan.FromSeconds(30), options.HandlerTimeout);
        Assert.Equal(TimeSpan.FromMinutes(2), options.DedupeWindow);
    }

    public static TheoryData<string, Action<BotOptions>> Invalid() => new()
    {
        { "unauthenticated with app id", o => { o.MicrosoftAppId = "x"; o.AllowUnauthenticatedLocalRequests = true; } },
        { "secret and managed identity", o => { o.MicrosoftAppPassword = "s"; o.ManagedIdentityClientId = "m"; } },
        { "relative metadata url", o => o.OpenIdMetadataUrl = "/v1/.well-known/openidconfiguration" },
        { "ftp entra metadata", o => o.EntraOpenIdMetadataUrl = "ftp://login.example/" },
        { "bad allowed service url", o => o.AllowedServiceUrls = ["127.0.0.1:3978"] },
        { "zero timeout", o => o.HandlerTimeout = TimeSpan.Zero },
        { "negative dedupe window", o => o.DedupeWindow = TimeSpan.FromSeconds(-1) },
        { "tiny body cap", o => o.MaxRequestBodyBytes = 10 },
        { "too many retries", o => o.ConnectorMaxRetries = 50 },
        { "no workers", o => o.MaxConcurrentTurns = 0 },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_settings_fail(string @case, Action<BotOptions> change)
    {
        var options = new BotOptions();
        change(options);
        var result = new BotOptionsValidator().Validate(null, options);
        Assert.True(result.Failed, @case);
    }
}
