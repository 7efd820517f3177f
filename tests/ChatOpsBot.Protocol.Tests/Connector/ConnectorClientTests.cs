using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Protocol.Schema;
using ChatOpsBot.Protocol.Tests.Infrastructure;
using ChatOpsBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ChatOpsBot.Protocol.Tests.Connector;

public class ConnectorClientTests
{
    private const string ThreadId = "19:097e6717fd7245bdbeba6baa13840db8@thread.skype;messageid=1571508432869";
    private const string EscapedThreadId = "19%3A097e6717fd7245bdbeba6baa13840db8%40thread.skype%3Bmessageid%3D1571508432869";

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text, Locale = "fr-FR" };

    [Fact]
    public async Task Reply_posts_to_the_escaped_activity_url_with_token_and_json_body()
    {
        await using var h = await ConnectorHarness.StartAsync();
        h.Sink.Enqueue(SinkResponse.Created("1:reply-id"));
        var client = h.Factory.Create(h.ServiceUrl);

        var result = await client.ReplyToActivityAsync(ThreadId, "f:5090279026567115162", Message("bonjour"));

        Assert.Equal("1:reply-id", result!.Id);
        var request = Assert.Single(h.Sink.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/amer/v3/conversations/{EscapedThreadId}/activities/f%3A5090279026567115162", request.RawTarget);
        Assert.Equal("Bearer " + StaticTokenSource.Token, request.Header("Authorization"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Contains("charset=utf-8", request.Header("Content-Type"), StringComparison.OrdinalIgnoreCase);
        JsonAssert.Equivalent(JsonNode.Parse("{\"type\":\"message\",\"text\":\"bonjour\",\"locale\":\"fr-FR\"}"), JsonNode.Parse(request.Body));
    }

    [Theory]
    [InlineData("amer/")]
    [InlineData("amer")]
    [InlineData("amer//")]
    [InlineData("")]
    public async Task ServiceUrl_and_path_are_joined_with_exactly_one_slash(string suffix)
    {
        await using var h = await ConnectorHarness.StartAsync();
        var client = h.Factory.Create(h.Sink.BaseAddress.ToString().TrimEnd('/') + (suffix.Length == 0 ? "" : "/" + suffix));

        await client.SendToConversationAsync("a:1", Message("x"));

        var expectedPrefix = suffix.Length == 0 ? "/v3/" : "/amer/v3/";
        Assert.Equal(expectedPrefix + "conversations/a%3A1/activities", Assert.Single(h.Sink.Requests).RawTarget);
    }

    [Fact]
    public async Task Send_update_delete_create_and_members_use_the_right_verbs_urls_and_bodies()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var client = h.Factory.Create(h.ServiceUrl);
        h.Sink.Enqueue(
            SinkResponse.Created("s1"),
            new SinkResponse(200, "{\"id\":\"u1\"}"),
            new SinkResponse(200),
            new SinkResponse(201, "{\"id\":\"" + ThreadId + "\",\"activityId\":\"1:abc\"}"),
            new SinkResponse(200, "[{\"id\":\"29:1\",\"name\":\"Jeanne\",\"objectId\":\"obj-1\",\"userPrincipalName\":\"jeanne@insa.fr\",\"email\":\"jeanne@insa.fr\",\"extra\":1}]"),
            new SinkResponse(200, "{\"id\":\"29:1\",\"aadObjectId\":\"aad-1\",\"tenantId\":\"t\"}"));

        var sent = await client.SendToConversationAsync("19:channel@thread.tacv2", Message("s"));
        var updated = await client.UpdateActivityAsync("a:1", "1:abc", Message("u"));
        await client.DeleteActivityAsync("a:1", "1:abc");
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            Activity = Message("first post"),
            ChannelData = JsonSerializer.SerializeToElement(new { channel = new { id = "19:channel@thread.tacv2" } }),
        };
        var created = await client.CreateConversationAsync(parameters);
        var members = await client.GetConversationMembersAsync("19:channel@thread.tacv2");
        var member = await client.GetConversationMemberAsync("a:1", "jeanne@insa.fr");

        Assert.Equal("s1", sent!.Id);
        Assert.Equal("u1", updated!.Id);
        Assert.Equal(ThreadId, created!.Id);
        Assert.Equal("1:abc", created.ActivityId);
        var m = Assert.Single(members);
        Assert.Equal("obj-1", m.EffectiveAadObjectId);
        Assert.Equal("jeanne@insa.fr", m.UserPrincipalName);
        Assert.Equal("aad-1", member!.EffectiveAadObjectId);

        var r = h.Sink.Requests;
        Assert.Equal(6, r.Count);
        Assert.Equal(("POST", "/amer/v3/conversations/19%3Achannel%40thread.tacv2/activities"), (r[0].Method, r[0].RawTarget));
        Assert.Equal(("PUT", "/amer/v3/conversations/a%3A1/activities/1%3Aabc"), (r[1].Method, r[1].RawTarget));
        Assert.Equal(("DELETE", "/amer/v3/conversations/a%3A1/activities/1%3Aabc"), (r[2].Method, r[2].RawTarget));
        Assert.Equal(("POST", "/amer/v3/conversations"), (r[3].Method, r[3].RawTarget));
        Assert.Equal(("GET", "/amer/v3/conversations/19%3Achannel%40thread.tacv2/members"), (r[4].Method, r[4].RawTarget));
        Assert.Equal(("GET", "/amer/v3/conversations/a%3A1/members/jeanne%40insa.fr"), (r[5].Method, r[5].RawTarget));
        Assert.Equal("u", JsonNode.Parse(r[1].Body)!["text"]!.GetValue<string>());
        Assert.Equal("", r[2].Body);
        JsonAssert.Equivalent(
            JsonNode.Parse("{\"isGroup\":true,\"activity\":{\"type\":\"message\",\"text\":\"first post\",\"locale\":\"fr-FR\"},\"channelData\":{\"channel\":{\"id\":\"19:channel@thread.tacv2\"}}}"),
            JsonNode.Parse(r[3].Body));
        Assert.All(r, x => Assert.Equal("Bearer " + StaticTokenSource.Token, x.Header("Authorization")));
    }

    [Fact]
    public async Task Accepted_with_empty_body_returns_null()
    {
        await using var h = await ConnectorHarness.StartAsync();
        h.Sink.Enqueue(new SinkResponse(202));

        var result = await h.Factory.Create(h.ServiceUrl).ReplyToActivityAsync(ThreadId, "1", Message("carousel"));

        Assert.Null(result);
    }

    [Fact]
    public async Task Error_body_code_is_carried_by_the_exception()
    {
        await using var h = await ConnectorHarness.StartAsync();
        h.Sink.Enqueue(new SinkResponse(404, "{\"error\":{\"code\":\"ConversationNotFound\",\"message\":\"Conversation not found.\"}}"));

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => h.Factory.Create(h.ServiceUrl).SendToConversationAsync("a:gone", Message("x")));

        Assert.Equal(404, ex.StatusCode);
        Assert.Equal("ConversationNotFound", ex.ErrorCode);
        Assert.Equal("Conversation not found.", ex.ErrorMessage);
    }

    [Fact]
    public async Task A_serviceUrl_off_the_allow_list_is_refused_and_never_called()
    {
        await using var h = await ConnectorHarness.StartAsync();
        await using var other = await FakeConnector.StartScriptedAsync(); // a second loopback base, not listed

        Assert.Throws<ServiceUrlNotAllowedException>(() => h.Factory.Create(other.BaseAddress + "amer/"));

        // Even a raw request through the connector pipeline (bypassing the factory) is refused before sending.
        var http = h.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorClientFactory.HttpClientName);
        await Assert.ThrowsAsync<ServiceUrlNotAllowedException>(() => http.GetAsync(new Uri(other.BaseAddress, "amer/v3/conversations/a%3A1/members")));

        await Task.Delay(100);
        Assert.Empty(other.Requests);
        Assert.Empty(h.Sink.Requests);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("https://smba.trafficmanager.net/emea/72f988bf-86f1-41af-91ab-2d7cd011db47/", true)]
    [InlineData("https://api.botframework.com/", true)]
    [InlineData("https://europe.token.botframework.com/", true)]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc", true)]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/gcch", true)]
    [InlineData("http://smba.trafficmanager.net/amer/", false)]
    [InlineData("https://smba.trafficmanager.net:8443/amer/", false)]
    [InlineData("https://evil.trafficmanager.net/amer/", false)]
    [InlineData("https://smba.trafficmanager.net.evil.example/amer/", false)]
    [InlineData("https://botframework.com.evil.example/", false)]
    [InlineData("https://evilbotframework.com/", false)]
    [InlineData("https://example.com/", false)]
    [InlineData("http://127.0.0.1:1/", false)]
    public void Default_allow_list(string url, bool allowed)
    {
        var list = new ServiceUrlAllowList(Microsoft.Extensions.Options.Options.Create(new BotOptions()));
        Assert.Equal(allowed, list.IsAllowed(new Uri(url)));
    }

    [Theory]
    [InlineData("http://127.0.0.1:56150/_connector/", true)]
    [InlineData("http://localhost:56150/_connector", true)]
    [InlineData("http://127.0.0.2:8080/", true)]
    [InlineData("http://[::1]:56150/_connector/", true)]
    [InlineData("https://localhost/", true)]
    [InlineData("http://10.0.0.5:56150/_connector/", false)]
    [InlineData("http://localhost.evil.example/", false)]
    [InlineData("http://smba.trafficmanager.net/amer/", false)]
    public void Unauthenticated_local_mode_allows_loopback_only(string url, bool allowed)
    {
        var local = new ServiceUrlAllowList(Microsoft.Extensions.Options.Options.Create(new BotOptions { AllowUnauthenticatedLocalRequests = true }));
        var authenticated = new ServiceUrlAllowList(Microsoft.Extensions.Options.Options.Create(new BotOptions { MicrosoftAppId = BotHost.AppId }));

        Assert.Equal(allowed, local.IsAllowed(new Uri(url)));
        Assert.False(authenticated.IsAllowed(new Uri(url)));
    }

    [Fact]
    public async Task A_refused_serviceUrl_is_logged_once_with_the_setting_that_allows_it()
    {
        var logs = new CapturingLoggerProvider();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = BotHost.AppId,
        }).Build();
        await using var services = new ServiceCollection().AddLogging(b => b.AddProvider(logs)).AddBotProtocol(configuration).BuildServiceProvider();
        var factory = services.GetRequiredService<IConnectorClientFactory>();

        var first = Assert.Throws<ServiceUrlNotAllowedException>(() => factory.Create("http://localhost:56150/_connector"));
        Assert.Throws<ServiceUrlNotAllowedException>(() => factory.Create("http://localhost:56150/_connector/"));
        Assert.Throws<ServiceUrlNotAllowedException>(() => factory.Create("http://localhost:56151/_connector"));

        Assert.Contains("Bot:AllowedServiceUrls", first.Message, StringComparison.Ordinal);
        var refusals = logs.Entries.Where(e => e.Message.Contains("are refused", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.Contains("Bot__AllowedServiceUrls__0=http://localhost:56150/", refusals[0].Message, StringComparison.Ordinal);
        Assert.Contains("Bot__AllowedServiceUrls__0=http://localhost:56151/", refusals[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_credentials_no_token_is_sent()
    {
        var sink = await FakeConnector.StartScriptedAsync();
        await using (sink)
        {
            var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
                ["Bot:AllowedServiceUrls:0"] = sink.BaseAddress.ToString(),
            }).Build();
            await using var services = new ServiceCollection().AddLogging().AddBotProtocol(configuration).BuildServiceProvider();

            await services.GetRequiredService<IConnectorClientFactory>().Create(sink.BaseAddress.ToString()).SendToConversationAsync("a:1", Message("x"));

            Assert.Null(Assert.Single(sink.Requests).Header("Authorization"));
        }
    }
}
