using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.Protocol.Authentication;
using ChatOpsBot.Protocol.Tests.Infrastructure;
using ChatOpsBot.Testing;
using ChatOpsBot.Testing.Activities;
using Xunit;

namespace ChatOpsBot.Protocol.Tests.Authentication;

/// <summary>
/// Issue 12, part 7: an Entra ID token is accepted only from the configured tenant, for the bot's app id, and issued to
/// the Bot Service's application (azp/appid) or one of <c>Bot:AllowedCallerAppIds</c>.
/// </summary>
public class EntraTokenTests
{
    private const string Tenant = "11111111-2222-3333-4444-555555555555";
    private const string OtherTenant = "99999999-2222-3333-4444-555555555555";
    private const string BotServiceTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";
    private static readonly string Issuer = $"https://login.microsoftonline.com/{Tenant}/v2.0";

    public static TheoryData<string, HttpStatusCode> Cases() => new()
    {
        { "v2.0 token, azp = Messaging Bot API Application", HttpStatusCode.Accepted },
        { "v2.0 token, no serviceurl claim, serviceUrl on the allow-list", HttpStatusCode.Accepted },
        { "v2.0 token, no serviceurl claim, serviceUrl off the allow-list", HttpStatusCode.BadRequest },
        { "v2.0 token without azp", HttpStatusCode.Unauthorized },
        { "v2.0 token issued to another application", HttpStatusCode.Unauthorized },
        { "azp only as appid in a v1-shaped claim set", HttpStatusCode.Accepted },
        { "audience of another application", HttpStatusCode.Unauthorized },
        { "issuer of another tenant", HttpStatusCode.Unauthorized },
        { "issuer of a Bot Service tenant", HttpStatusCode.Unauthorized },
        { "Entra key presented as a Bot Framework token", HttpStatusCode.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Entra_token(string @case, HttpStatusCode expected)
    {
        await using var env = await SingleTenantBot.StartAsync();
        var serviceUrl = env.ServiceUrl;
        var activity = TeamsActivity.Message("hello").To(serviceUrl).Build();
        var claims = Claims(serviceUrl, Issuer, Tenant);
        switch (@case)
        {
            case "v2.0 token, azp = Messaging Bot API Application":
                break;
            case "v2.0 token, no serviceurl claim, serviceUrl on the allow-list":
                claims.Remove("serviceurl");
                break;
            case "v2.0 token, no serviceurl claim, serviceUrl off the allow-list":
                claims.Remove("serviceurl");
                activity["serviceUrl"] = "https://evil.example/amer/";
                break;
            case "v2.0 token without azp":
                claims.Remove("azp");
                break;
            case "v2.0 token issued to another application":
                claims["azp"] = "0f0e0d0c-0000-4000-8000-000000000001";
                break;
            case "azp only as appid in a v1-shaped claim set":
                claims.Remove("azp");
                claims["appid"] = BotAuthenticator.MessagingBotApiAppId;
                claims["ver"] = "1.0";
                break;
            case "audience of another application":
                claims["aud"] = "0f0e0d0c-0000-4000-8000-000000000002";
                break;
            case "issuer of another tenant":
                claims = Claims(serviceUrl, $"https://login.microsoftonline.com/{OtherTenant}/v2.0", OtherTenant);
                break;
            case "issuer of a Bot Service tenant":
                claims = Claims(serviceUrl, $"https://login.microsoftonline.com/{BotServiceTenant}/v2.0", BotServiceTenant);
                break;
            case "Entra key presented as a Bot Framework token":
                claims["iss"] = TokenMinter.BotFrameworkIssuer;
                break;
            default:
                throw new InvalidOperationException(@case);
        }

        using var response = await env.Bot.PostAsync(activity, TokenMinter.Sign(env.EntraKey, claims));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_configured_caller_list_replaces_the_Bot_Service_application()
    {
        const string Caller = "0f0e0d0c-0000-4000-8000-0000000000aa";
        await using var env = await SingleTenantBot.StartAsync(Caller);
        var configured = Claims(env.ServiceUrl, Issuer, Tenant);
        configured["azp"] = Caller;

        using var accepted = await env.Bot.PostAsync(TeamsActivity.Message("hello").To(env.ServiceUrl).Build(), TokenMinter.Sign(env.EntraKey, configured));
        using var refused = await env.Bot.PostAsync(TeamsActivity.Message("hello").To(env.ServiceUrl).Build(), TokenMinter.Sign(env.EntraKey, Claims(env.ServiceUrl, Issuer, Tenant)));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static JsonObject Claims(string serviceUrl, string issuer, string tenant)
    {
        var claims = TokenMinter.BotFrameworkClaims(BotHost.AppId, serviceUrl, DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromHours(1), issuer);
        claims["tid"] = tenant;
        claims["ver"] = "2.0";
        claims["azp"] = BotAuthenticator.MessagingBotApiAppId;
        return claims;
    }

    /// <summary>A single-tenant bot (tenant <see cref="Tenant"/>) with its Bot Framework and Entra ID metadata servers and its Connector.</summary>
    private sealed class SingleTenantBot : IAsyncDisposable
    {
        private readonly TestSigningKey _bfKey = new("bf", "msteams");
        private OpenIdServer? _bf;
        private OpenIdServer? _entra;
        private FakeConnector? _sink;

        public TestSigningKey EntraKey { get; } = new("entra");

        public BotHost Bot { get; private set; } = null!;

        public string ServiceUrl => _sink!.BaseAddress + "amer/";

        public static async Task<SingleTenantBot> StartAsync(string? allowedCaller = null)
        {
            var env = new SingleTenantBot();
            env._bf = await OpenIdServer.StartAsync(TokenMinter.BotFrameworkIssuer, env._bfKey);
            env._entra = await OpenIdServer.StartAsync(Issuer, env.EntraKey);
            env._sink = await FakeConnector.StartScriptedAsync();
            var settings = BotHost.Settings(env._bf, env._sink);
            settings["Bot:MicrosoftAppTenantId"] = Tenant;
            settings["Bot:EntraOpenIdMetadataUrl"] = env._entra.MetadataUrl;
            if (allowedCaller is not null)
            {
                settings["Bot:AllowedCallerAppIds:0"] = allowedCaller;
            }

            env.Bot = await BotHost.StartAsync(settings);
            return env;
        }

        public async ValueTask DisposeAsync()
        {
            await Bot.DisposeAsync();
            await _sink!.DisposeAsync();
            await _entra!.DisposeAsync();
            await _bf!.DisposeAsync();
            EntraKey.Dispose();
            _bfKey.Dispose();
        }
    }
}
