using System.Net;
using System.Net.Sockets;
using ChatOpsBot.Protocol.Hosting;
using ChatOpsBot.Protocol.Tests.Infrastructure;
using ChatOpsBot.Testing;
using ChatOpsBot.Testing.Activities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Xunit;

namespace ChatOpsBot.Protocol.Tests.Hosting;

/// <summary>
/// Issue 12, part 7: unauthenticated local mode decides "loopback" from the TCP socket, never from a forwarded header
/// (with <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> the host runs the forwarded-headers middleware, trusting every
/// proxy, which rewrites <c>Connection.RemoteIpAddress</c> from <c>X-Forwarded-For</c>).
/// </summary>
public class LocalCallerTests
{
    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("127.0.0.1")]
    public async Task A_forwarded_header_does_not_decide_who_is_local(string forwardedFor)
    {
        await using var sink = await FakeConnector.StartScriptedAsync();
        await using var bot = await BotHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
                ["Bot:AllowedServiceUrls:0"] = sink.BaseAddress.ToString(),
            },
            pipeline: app => app.UseForwardedHeaders(AsTheEnvironmentSwitchDoes()));
        var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(TeamsActivity.Message("hello").To(sink.BaseAddress.ToString()).Build().ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);

        using var response = await bot.Client.SendAsync(request);

        // The socket is loopback whatever the header says.
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    public static TheoryData<EndPoint?, bool> Peers() => new()
    {
        { new IPEndPoint(IPAddress.Loopback, 50000), true },
        { new IPEndPoint(IPAddress.Parse("127.0.0.2"), 50000), true },
        { new IPEndPoint(IPAddress.IPv6Loopback, 50000), true },
        { new IPEndPoint(IPAddress.Parse("::ffff:127.0.0.1"), 50000), true },
        { new UnixDomainSocketEndPoint("/run/bot.sock"), true },
        { new IPEndPoint(IPAddress.Parse("203.0.113.7"), 50000), false },
        { new IPEndPoint(IPAddress.Parse("10.1.2.3"), 50000), false },
        { new IPEndPoint(IPAddress.Parse("::ffff:192.0.2.1"), 50000), false },
        { null, false },
    };

    [Theory]
    [MemberData(nameof(Peers))]
    public void Only_a_loopback_or_unix_socket_peer_is_local(EndPoint? peer, bool local) =>
        Assert.Equal(local, LocalCaller.IsLocal(peer));

    // What ASPNETCORE_FORWARDEDHEADERS_ENABLED=true configures: X-Forwarded-For and -Proto, from any proxy.
    private static ForwardedHeadersOptions AsTheEnvironmentSwitchDoes()
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        return options;
    }
}
