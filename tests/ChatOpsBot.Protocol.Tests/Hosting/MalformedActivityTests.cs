using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.Protocol.Tests.Authentication;
using ChatOpsBot.Protocol.Tests.Infrastructure;
using ChatOpsBot.Testing;
using ChatOpsBot.Testing.Activities;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ChatOpsBot.Protocol.Tests.Hosting;

/// <summary>Issue 12, parts 5 and 8: what the endpoint refuses before any handler runs, and how it says so in the log.</summary>
public class MalformedActivityTests(AuthFixture fx) : IClassFixture<AuthFixture>
{
    private string Token() => TokenMinter.Sign(fx.TeamsKey, TokenMinter.BotFrameworkClaims(BotHost.AppId, fx.ServiceUrl, DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromHours(1)));

    [Theory]
    [InlineData("\\udfff")]
    [InlineData("a\\ud800b")]
    [InlineData("\\udc00\\ud800")]
    public async Task Invoke_whose_verb_holds_an_escaped_lone_surrogate_is_400_and_never_reaches_the_handler(string escapedVerb)
    {
        var invoke = TeamsActivity.CardAction("ping").To(fx.ServiceUrl).Build();
        var id = invoke["id"]!.GetValue<string>();
        var body = invoke.ToJsonString().Replace("\"verb\":\"ping\"", "\"verb\":\"" + escapedVerb + "\"", StringComparison.Ordinal);
        Assert.Contains(escapedVerb, body, StringComparison.Ordinal);

        using var response = await fx.Bot.PostAsync(body, Token());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(fx.Bot.Handler.Invokes, a => a.Id == id);
    }

    [Fact]
    public async Task A_valid_surrogate_pair_is_text_and_goes_through()
    {
        var invoke = TeamsActivity.CardAction("ping").To(fx.ServiceUrl).Build();
        var id = invoke["id"]!.GetValue<string>();
        fx.Bot.Handler.OnInvoke = (_, _) => Task.FromResult<InvokeResponse?>(InvokeResponse.Ok());
        var body = invoke.ToJsonString().Replace("\"verb\":\"ping\"", "\"verb\":\"\\ud83d\\ude00\"", StringComparison.Ordinal);

        using var response = await fx.Bot.PostAsync(body, Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(fx.Bot.Handler.Invokes, a => a.Id == id && a.Value!.Value.GetProperty("action").GetProperty("verb").GetString() == "\U0001F600");
    }

    public static TheoryData<string, Action<JsonObject>> Shapes() => new()
    {
        { "no conversation", a => a.Remove("conversation") },
        { "empty conversation id", a => a["conversation"]!["id"] = "" },
        { "no serviceUrl", a => a.Remove("serviceUrl") },
        { "conversation id of 5 000 characters", a => a["conversation"]!["id"] = "a:" + new string('x', 5000) },
        { "activity id of 2 000 characters", a => a["id"] = new string('1', 2000) },
        { "control character in the sender id", a => a["from"]!["id"] = "29:user\u001b[31m" },
        { "null entity", a => a["entities"] = new JsonArray((JsonNode?)null) },
        { "nesting deeper than 64", a => a["channelData"] = Nested(70) },
        { "a string over Bot:MaxStringBytes (40 000)", a => a["text"] = new string('x', 40_001) },
        { "a card input over Bot:MaxStringBytes", a => a["value"] = new JsonObject { ["commentText"] = new string('é', 20_001) } },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Activity_that_cannot_be_answered_is_400_before_any_handler(string @case, Action<JsonObject> damage)
    {
        Assert.NotNull(@case);
        var activity = TeamsActivity.Message("hello").To(fx.ServiceUrl).Build();
        var id = activity["id"]!.GetValue<string>();
        damage(activity);

        using var response = await fx.Bot.PostAsync(activity, Token());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await Task.Delay(50);
        Assert.DoesNotContain(fx.Bot.Handler.Activities, a => a.Id == id);
    }

    [Fact]
    public async Task Each_malformed_activity_is_one_short_warning_without_stack_trace_nor_the_values()
    {
        var marker = Guid.NewGuid().ToString("N");
        string[] bodies =
        [
            "{\"type\":\"message\",\"text\":\"" + marker + "\\udfff\"}",
            "{\"type\":\"message\",\"text\":\"" + marker,
            "{\"type\":\"message\",\"id\":\"" + marker + "\",\"serviceUrl\":\"" + fx.ServiceUrl + "\"}",
            "{\"type\":5,\"id\":\"" + marker + "\"}",
        ];
        var before = fx.Bot.Logs.Entries.Count;

        foreach (var body in bodies)
        {
            using var response = await fx.Bot.PostAsync(body, Token());
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var lines = fx.Bot.Logs.Entries.Skip(before).Where(e => e.Category.EndsWith("BotMessageEndpoint", StringComparison.Ordinal)).ToList();
        Assert.Equal(bodies.Length, lines.Count);
        Assert.All(lines, l =>
        {
            Assert.Equal(LogLevel.Warning, l.Level);
            Assert.StartsWith("Malformed activity refused with 400: ", l.Message, StringComparison.Ordinal);
            Assert.True(l.Message.Length < 160, l.Message);
            Assert.DoesNotContain(marker, l.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", l.Message, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("https://evil.example/amer/")]
    [InlineData("not a url")]
    [InlineData("javascript:alert(1)")]
    public async Task Unauthenticated_invoke_to_a_serviceUrl_off_the_allow_list_is_400_and_not_processed(string serviceUrl)
    {
        await using var sink = await FakeConnector.StartScriptedAsync();
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
            ["Bot:AllowedServiceUrls:0"] = sink.BaseAddress.ToString(),
        });
        bot.Handler.OnInvoke = (turn, ct) => turn.Connector.SendToConversationAsync("a:1", new ChatOpsBot.Protocol.Schema.Activity { Type = "message" }, ct)
            .ContinueWith(_ => (InvokeResponse?)InvokeResponse.Ok(), TaskScheduler.Default);

        using var refused = await bot.PostAsync(TeamsActivity.CardAction("ping").To(serviceUrl).Build(), token: null);
        using var allowed = await bot.PostAsync(TeamsActivity.CardAction("ping").To(sink.BaseAddress.ToString()).Build(), token: null);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Single(bot.Handler.Invokes);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains(bot.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("serviceUrl", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    private static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonObject();
        for (var i = 0; i < depth; i++)
        {
            node = new JsonObject { ["n"] = node };
        }

        return node;
    }
}
