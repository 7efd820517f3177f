using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Protocol.Tests.Infrastructure;
using ChatOpsBot.Testing;
using ChatOpsBot.Testing.Activities;
using Xunit;

namespace ChatOpsBot.Protocol.Tests.Authentication;

public class InboundAuthenticationTests(AuthFixture fx) : IClassFixture<AuthFixture>
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    public static TheoryData<string, HttpStatusCode> Matrix() => new()
    {
        { "missing header", HttpStatusCode.Unauthorized },
        { "basic scheme", HttpStatusCode.Unauthorized },
        { "not a JWT", HttpStatusCode.Unauthorized },
        { "alg none", HttpStatusCode.Unauthorized },
        { "HS256 signed with the public key", HttpStatusCode.Unauthorized },
        { "bad signature", HttpStatusCode.Unauthorized },
        { "unknown kid", HttpStatusCode.Unauthorized },
        { "expired", HttpStatusCode.Unauthorized },
        { "not yet valid", HttpStatusCode.Unauthorized },
        { "wrong issuer", HttpStatusCode.Unauthorized },
        { "wrong audience", HttpStatusCode.Unauthorized },
        { "RS256 claimed as RS384", HttpStatusCode.Unauthorized },
        { "PS256 (not an allowed algorithm)", HttpStatusCode.Unauthorized },
        { "no kid", HttpStatusCode.Unauthorized },
        { "key not endorsed for the channel", HttpStatusCode.Forbidden },
        { "key without endorsements", HttpStatusCode.Forbidden },
        { "channel other than msteams", HttpStatusCode.Forbidden },
        { "serviceurl claim differs", HttpStatusCode.Forbidden },
        { "serviceurl claim on another host", HttpStatusCode.Forbidden },
        { "serviceurl claim missing", HttpStatusCode.Forbidden },
        { "valid", HttpStatusCode.Accepted },
        { "valid RS512", HttpStatusCode.Accepted },
        { "valid, trailing slash differs", HttpStatusCode.Accepted },
        { "expired 2 min ago (within 5 min skew)", HttpStatusCode.Accepted },
        { "valid in 2 min (within 5 min skew)", HttpStatusCode.Accepted },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Token_matrix(string @case, HttpStatusCode expected)
    {
        var now = DateTimeOffset.UtcNow;
        var activity = TeamsActivity.Message("hello").To(fx.ServiceUrl).Build();
        JsonObject Claims(DateTimeOffset? nbf = null, TimeSpan? lifetime = null, string? audience = null, string? serviceUrl = null, string? issuer = null) =>
            TokenMinter.BotFrameworkClaims(audience ?? BotHost.AppId, serviceUrl ?? fx.ServiceUrl, nbf ?? now.AddMinutes(-1), lifetime ?? Hour, issuer ?? TokenMinter.BotFrameworkIssuer);

        string? header = null;
        string? token = null;
        switch (@case)
        {
            case "missing header": break;
            case "basic scheme": header = "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes("bot:secret")); break;
            case "not a JWT": token = "not-a-jwt"; break;
            case "alg none": token = TokenMinter.Unsigned(Claims(), fx.TeamsKey.Kid); break;
            case "HS256 signed with the public key": token = TokenMinter.SignHmac(Encoding.ASCII.GetBytes(fx.TeamsKey.PublicKeyPem), Claims(), fx.TeamsKey.Kid); break;
            case "bad signature": token = TokenMinter.TamperSignature(TokenMinter.Sign(fx.TeamsKey, Claims())); break;
            case "unknown kid": token = TokenMinter.Sign(fx.StrangerKey, Claims()); break;
            case "expired": token = TokenMinter.Sign(fx.TeamsKey, Claims(nbf: now.AddHours(-2))); break;
            case "not yet valid": token = TokenMinter.Sign(fx.TeamsKey, Claims(nbf: now.AddMinutes(30))); break;
            case "wrong issuer": token = TokenMinter.Sign(fx.TeamsKey, Claims(issuer: "https://api.botframework.com.evil.example")); break;
            case "wrong audience": token = TokenMinter.Sign(fx.TeamsKey, Claims(audience: "00000000-0000-0000-0000-000000000000")); break;
            case "RS256 claimed as RS384": token = Relabel(TokenMinter.Sign(fx.TeamsKey, Claims()), "RS384"); break;
            case "PS256 (not an allowed algorithm)": token = TokenMinter.Sign(fx.TeamsKey, Claims(), "PS256"); break;
            case "no kid": token = TokenMinter.Sign(fx.TeamsKey, Claims(), kid: TokenMinter.NoKid); break;
            case "key not endorsed for the channel": token = TokenMinter.Sign(fx.SkypeOnlyKey, Claims()); break;
            case "key without endorsements": token = TokenMinter.Sign(fx.UnendorsedKey, Claims()); break;
            case "channel other than msteams":
                activity["channelId"] = "skype";
                token = TokenMinter.Sign(fx.SkypeOnlyKey, Claims());
                break;
            case "serviceurl claim differs": token = TokenMinter.Sign(fx.TeamsKey, Claims(serviceUrl: fx.Sink.BaseAddress + "emea/")); break;
            case "serviceurl claim on another host": token = TokenMinter.Sign(fx.TeamsKey, Claims(serviceUrl: "https://smba.trafficmanager.net/amer/")); break;
            case "serviceurl claim missing":
                var noServiceUrl = Claims();
                noServiceUrl.Remove("serviceurl");
                token = TokenMinter.Sign(fx.TeamsKey, noServiceUrl);
                break;
            case "valid": token = TokenMinter.Sign(fx.TeamsKey, Claims()); break;
            case "valid RS512": token = TokenMinter.Sign(fx.TeamsKey, Claims(), "RS512"); break;
            case "valid, trailing slash differs": token = TokenMinter.Sign(fx.TeamsKey, Claims(serviceUrl: fx.ServiceUrl.TrimEnd('/'))); break;
            case "expired 2 min ago (within 5 min skew)": token = TokenMinter.Sign(fx.TeamsKey, Claims(nbf: now.AddMinutes(-62))); break;
            case "valid in 2 min (within 5 min skew)": token = TokenMinter.Sign(fx.TeamsKey, Claims(nbf: now.AddMinutes(2))); break;
            default: throw new InvalidOperationException(@case);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }
        else if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", header);
        }

        using var response = await fx.Bot.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        var id = activity["id"]!.GetValue<string>();
        if (expected == HttpStatusCode.Accepted)
        {
            await WaitUntilAsync(() => fx.Bot.Handler.Activities.Any(a => a.Id == id));
        }
        else
        {
            await Task.Delay(50);
            Assert.DoesNotContain(fx.Bot.Handler.Activities, a => a.Id == id);
        }
    }

    public static TheoryData<string> RecordedRequests()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TestData.TeamsRecordings, "*-request-*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RecordedRequests))]
    public async Task Real_expired_tokens_of_the_recordings_are_refused(string file)
    {
        var recording = JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.TeamsRecordings, file)))!;
        var authorization = recording["headers"]!["authorization"]!.GetValue<string>();
        Assert.StartsWith("Bearer ey", authorization, StringComparison.Ordinal);
        var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(recording["body"]!.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await fx.Bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_key_published_after_the_metadata_was_cached_is_found_by_refreshing()
    {
        using var first = new TestSigningKey("first", "msteams");
        using var rotated = new TestSigningKey("rotated", "msteams");
        await using var openId = await OpenIdServer.StartAsync(TokenMinter.BotFrameworkIssuer, first);
        await using var sink = await FakeConnector.StartScriptedAsync();
        await using var bot = await BotHost.StartAsync(BotHost.Settings(openId, sink));
        var serviceUrl = sink.BaseAddress + "amer/";
        var now = DateTimeOffset.UtcNow;
        using (var warmUp = await bot.PostAsync(TeamsActivity.Message("hello").To(serviceUrl).Build(), TokenMinter.Sign(first, TokenMinter.BotFrameworkClaims(BotHost.AppId, serviceUrl, now, Hour))))
        {
            Assert.Equal(HttpStatusCode.Accepted, warmUp.StatusCode);
        }

        openId.AddKey(rotated);
        var before = openId.JwksRequests;

        using var response = await bot.PostAsync(TeamsActivity.Message("hello").To(serviceUrl).Build(), TokenMinter.Sign(rotated, TokenMinter.BotFrameworkClaims(BotHost.AppId, serviceUrl, now, Hour)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(before + 1, openId.JwksRequests);

        // A second unknown kid right after is refused without hammering the metadata server.
        using var stranger = new TestSigningKey("stranger-2", "msteams");
        using var refused = await bot.PostAsync(TeamsActivity.Message("hello").To(serviceUrl).Build(), TokenMinter.Sign(stranger, TokenMinter.BotFrameworkClaims(BotHost.AppId, serviceUrl, now, Hour)));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.True(openId.JwksRequests <= before + 2);
    }

    [Fact]
    public async Task Refusals_are_logged_without_the_token()
    {
        var token = TokenMinter.TamperSignature(TokenMinter.Sign(fx.TeamsKey, TokenMinter.BotFrameworkClaims(BotHost.AppId, fx.ServiceUrl, DateTimeOffset.UtcNow, Hour)));
        using var response = await fx.Bot.PostAsync(TeamsActivity.Message("hello").To(fx.ServiceUrl).Build(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(fx.Bot.Logs.Entries, e => e.Message.Contains("refused with 401", StringComparison.Ordinal));
        Assert.DoesNotContain(fx.Bot.Logs.Entries, e => e.Message.Contains(token[..20], StringComparison.Ordinal));
    }

    private static string Relabel(string token, string alg)
    {
        var parts = token.Split('.');
        var header = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[0]))))!;
        header["alg"] = alg;
        parts[0] = Convert.ToBase64String(Encoding.UTF8.GetBytes(header.ToJsonString())).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return string.Join('.', parts);
    }

    private static string Pad(string s) => s.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (s.Length % 4)) % 4);

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(10);
        }
    }
}
