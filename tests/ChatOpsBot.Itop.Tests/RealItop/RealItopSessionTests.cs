using ChatOpsBot.Testing.RealItop;
using ChatOpsBot.Itop.Rest;
using ChatOpsBot.Itop.Tests.Infrastructure;
using ChatOpsBot.Testing.ItopContract;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatOpsBot.Itop.Tests.RealItop;

/// <summary>
/// rest.php resets its PHP session at the start of every call, so calls that overlap in one session can log each
/// other out. The project's client sends no session cookie: concurrent calls are never refused. The session cookie and
/// the refusal the sandbox imitates are checked here against the real thing.
/// </summary>
[Collection(RealItopCollection.Name)]
public sealed class RealItopSessionTests
{
    private const string GetLyon = """{"operation":"core/get","class":"Organization","key":3,"output_fields":"name"}""";

    [RealItopFact]
    public async Task The_projects_client_is_never_refused_at_200_calls_8_at_a_time()
    {
        await using var sp = DeskFactory.Build(RealItopInstance.Url, settings: RealItopInstance.Settings);

        var outcome = await ConcurrentCalls.FireAsync(sp.GetRequiredService<ItopClient>(), calls: 200, concurrency: 8);

        Assert.Empty(outcome.Failures);
        Assert.Equal((200, 0), (outcome.Succeeded, outcome.Refused));
    }

    [RealItopFact]
    public async Task Itop_sets_the_session_cookie_and_refuses_with_the_answers_the_sandbox_imitates()
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = RealItopInstance.Url };

        using var first = await SendAsync(http, RealItopInstance.Token, cookie: null);
        var match = ItopSession.SetCookie().Match(first.Headers.GetValues("Set-Cookie").Single());
        Assert.True(match.Success, first.Headers.GetValues("Set-Cookie").Single());
        Assert.Equal("no-store, no-cache, must-revalidate", first.Headers.NonValidated["Cache-Control"].ToString());
        Assert.Equal("no-cache", first.Headers.NonValidated["Pragma"].ToString());
        Assert.Equal("Thu, 19 Nov 1981 08:52:00 GMT", first.Content.Headers.GetValues("Expires").Single());

        var cookie = $"{match.Groups["name"].Value}={match.Groups["id"].Value}";
        using var again = await SendAsync(http, RealItopInstance.Token, cookie);
        Assert.Equal(cookie + "; path=/", again.Headers.GetValues("Set-Cookie").Single());
        Assert.StartsWith("""{"code":0,"message":"Found: 1""", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var refused = await SendAsync(http, "not-the-token", cookie: null);
        Assert.Equal(ItopSession.InvalidLogin, await refused.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string token, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "webservices/rest.php?version=1.4")
        {
            Content = new FormUrlEncodedContent([new("json_data", GetLyon)]),
        };
        request.Headers.Add("Auth-Token", token);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await http.SendAsync(request);
    }
}
