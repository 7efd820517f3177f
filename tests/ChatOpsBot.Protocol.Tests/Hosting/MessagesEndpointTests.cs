using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Protocol.Tests.Authentication;
using ChatOpsBot.Protocol.Tests.Infrastructure;
using ChatOpsBot.Testing;
using ChatOpsBot.Testing.Activities;
using Xunit;

namespace ChatOpsBot.Protocol.Tests.Hosting;

public class MessagesEndpointTests(AuthFixture fx) : IClassFixture<AuthFixture>
{
    private string Token() => TokenMinter.Sign(fx.TeamsKey, TokenMinter.BotFrameworkClaims(BotHost.AppId, fx.ServiceUrl, DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromHours(1)));

    [Fact]
    public async Task Same_activity_posted_10_times_concurrently_is_handled_once()
    {
        var activity = TeamsActivity.Message("hello").WithId("1571537152320-" + Guid.NewGuid().ToString("N")).To(fx.ServiceUrl).Build().ToJsonString();
        var token = Token();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => fx.Bot.PostAsync(activity, token)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var id = JsonNode.Parse(activity)!["id"]!.GetValue<string>();
        await InboundAuthenticationTests.WaitUntilAsync(() => fx.Bot.Handler.Activities.Any(a => a.Id == id));
        await Task.Delay(300);
        Assert.Single(fx.Bot.Handler.Activities, a => a.Id == id);
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    [Fact]
    public async Task Same_id_in_another_conversation_is_not_a_duplicate()
    {
        var id = "dup-" + Guid.NewGuid().ToString("N");
        using var a = await fx.Bot.PostAsync(TeamsActivity.Message("hello").WithId(id).InConversation("a:one").To(fx.ServiceUrl).Build(), Token());
        using var b = await fx.Bot.PostAsync(TeamsActivity.Message("hello").WithId(id).InConversation("a:two").To(fx.ServiceUrl).Build(), Token());

        await InboundAuthenticationTests.WaitUntilAsync(() => fx.Bot.Handler.Activities.Count(x => x.Id == id) == 2);
    }

    public static TheoryData<string, string> MalformedBodies() => new()
    {
        { "empty", "" },
        { "whitespace", "   " },
        { "truncated JSON", "{\"type\":\"message\",\"text\":\"hel" },
        { "not JSON", "hello" },
        { "JSON null", "null" },
        { "JSON array", "[{\"type\":\"message\"}]" },
        { "JSON string", "\"message\"" },
        { "no type", "{\"text\":\"hello\",\"channelId\":\"msteams\"}" },
        { "empty type", "{\"type\":\"\"}" },
        { "type is a number", "{\"type\":5}" },
        { "from is a string", "{\"type\":\"message\",\"from\":\"29:user\"}" },
        { "entities is an object", "{\"type\":\"message\",\"entities\":{\"type\":\"mention\"}}" },
        { "isGroup is not a boolean", "{\"type\":\"message\",\"conversation\":{\"id\":\"a\",\"isGroup\":\"perhaps\"}}" },
        { "timestamp is not a date", "{\"type\":\"message\",\"timestamp\":\"yesterday\"}" },
        { "1 MB text", "{\"type\":\"message\",\"channelId\":\"msteams\",\"text\":\"" + new string('a', 1024 * 1024) + "\"}" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_body_is_400_and_the_process_keeps_serving(string @case, string body)
    {
        Assert.NotNull(@case);
        using (var response = await fx.Bot.PostAsync(body, Token()))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var next = TeamsActivity.Message("hello").To(fx.ServiceUrl).Build();
        using var ok = await fx.Bot.PostAsync(next, Token());
        Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
        var id = next["id"]!.GetValue<string>();
        await InboundAuthenticationTests.WaitUntilAsync(() => fx.Bot.Handler.Activities.Any(a => a.Id == id));
    }

    [Fact]
    public async Task Body_larger_than_the_cap_without_content_length_is_400()
    {
        var payload = "{\"type\":\"message\",\"text\":\"" + new string('b', 600 * 1024) + "\"}";
        var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(payload))),
        };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Token());

        using var response = await fx.Bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Background_turn_replies_through_the_connector_with_filled_fields()
    {
        var activity = TeamsActivity.Message("aide").From("29:user", "Jeanne").Personal("a:1personal").ToBot("28:" + BotHost.AppId).To(fx.ServiceUrl).Build();
        var id = activity["id"]!.GetValue<string>();
        fx.Bot.Handler.OnActivity = async (turn, ct) =>
        {
            if (turn.Activity.Id == id)
            {
                await turn.SendTextAsync("Commandes : aide", ct);
            }
        };
        var before = fx.Sink.Requests.Count;

        using var response = await fx.Bot.PostAsync(activity, Token());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(await fx.Sink.WaitForRequestsAsync(before + 1, TimeSpan.FromSeconds(10)));
        var sent = fx.Sink.Requests.Skip(before).Single(r => r.Body.Contains("Commandes", StringComparison.Ordinal));
        Assert.Equal("POST", sent.Method);
        Assert.Equal($"/amer/v3/conversations/a%3A1personal/activities/{id}", sent.RawTarget);
        var body = JsonNode.Parse(sent.Body)!;
        Assert.Equal("message", body["type"]!.GetValue<string>());
        Assert.Equal("28:" + BotHost.AppId, body["from"]!["id"]!.GetValue<string>());
        Assert.Equal("29:user", body["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal("a:1personal", body["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal(id, body["replyToId"]!.GetValue<string>());
        Assert.Null(body["serviceUrl"]);
        Assert.Equal("Bearer " + StaticTokenSource.Token, sent.Header("Authorization"));
    }

    [Fact]
    public async Task Invoke_is_answered_synchronously_with_the_handler_status_and_body()
    {
        var invoke = TeamsActivity.CardAction("ping").To(fx.ServiceUrl).Build();
        var id = invoke["id"]!.GetValue<string>();
        fx.Bot.Handler.OnInvoke = (turn, _) => Task.FromResult<InvokeResponse?>(
            turn.Activity.Id == id ? InvokeResponse.Message("Ticket R-000123 pris en charge") : null);

        using var response = await fx.Bot.PostAsync(invoke, Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        JsonAssert.Equivalent(
            JsonNode.Parse("{\"statusCode\":200,\"type\":\"application/vnd.microsoft.activity.message\",\"value\":\"Ticket R-000123 pris en charge\"}"),
            JsonNode.Parse(await response.Content.ReadAsStringAsync()));

        // Teams re-delivers the same invoke: same answer, handled once.
        fx.Bot.Handler.OnInvoke = (_, _) => Task.FromResult<InvokeResponse?>(InvokeResponse.Error(500, "Wrong", "must not run"));
        using var again = await fx.Bot.PostAsync(invoke, Token());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("R-000123", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(fx.Bot.Handler.Invokes, a => a.Id == id);
    }

    [Fact]
    public async Task Unhandled_invoke_is_501()
    {
        fx.Bot.Handler.OnInvoke = (_, _) => Task.FromResult<InvokeResponse?>(null);

        using var response = await fx.Bot.PostAsync(TeamsActivity.CardAction("ping").Named("composeExtension/unknown").To(fx.ServiceUrl).Build(), Token());

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Failing_invoke_handler_is_500_and_logged()
    {
        var invoke = TeamsActivity.CardAction("ping").To(fx.ServiceUrl).Build();
        var id = invoke["id"]!.GetValue<string>();
        fx.Bot.Handler.OnInvoke = (turn, _) => turn.Activity.Id == id ? throw new InvalidOperationException("boom") : Task.FromResult<InvokeResponse?>(null);

        using var response = await fx.Bot.PostAsync(invoke, Token());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(fx.Bot.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Failing_background_turn_is_logged_and_the_bot_keeps_serving()
    {
        var failing = TeamsActivity.Message("explode").To(fx.ServiceUrl).Build();
        var failingId = failing["id"]!.GetValue<string>();
        fx.Bot.Handler.OnActivity = (turn, _) => turn.Activity.Id == failingId ? throw new InvalidOperationException("boom") : Task.CompletedTask;

        using var response = await fx.Bot.PostAsync(failing, Token());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await InboundAuthenticationTests.WaitUntilAsync(() =>
            fx.Bot.Logs.Entries.Any(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains(failingId, StringComparison.Ordinal)));

        var next = TeamsActivity.Message("hello").To(fx.ServiceUrl).Build();
        using var ok = await fx.Bot.PostAsync(next, Token());
        Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
        var nextId = next["id"]!.GetValue<string>();
        await InboundAuthenticationTests.WaitUntilAsync(() => fx.Bot.Handler.Activities.Any(a => a.Id == nextId));
    }

    [Fact]
    public async Task Get_is_not_an_endpoint()
    {
        using var response = await fx.Bot.Client.GetAsync("api/messages");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
