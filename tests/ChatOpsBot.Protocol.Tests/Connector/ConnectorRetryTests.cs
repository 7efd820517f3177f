using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Protocol.Schema;
using ChatOpsBot.Protocol.Tests.Infrastructure;
using ChatOpsBot.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ChatOpsBot.Protocol.Tests.Connector;

public class ConnectorRetryTests
{
    private static Activity Message() => new() { Type = ActivityTypes.Message, Text = "x" };

    [Fact]
    public async Task Throttled_call_waits_for_Retry_After_then_succeeds()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var h = await ConnectorHarness.StartAsync(time);
        h.Sink.Enqueue(new SinkResponse(429, "{\"error\":{\"code\":\"Throttled\"}}", RetryAfter: "2"), SinkResponse.Created("after-wait"));
        var start = time.GetUtcNow();

        var call = h.Factory.Create(h.ServiceUrl).SendToConversationAsync("a:1", Message());
        Assert.True(await h.Sink.WaitForRequestsAsync(1, TimeSpan.FromSeconds(10)));

        // Advance fake time in small steps until the retry shows up; it must not come before 2 s.
        while (h.Sink.Requests.Count < 2)
        {
            Assert.True(time.GetUtcNow() - start < TimeSpan.FromSeconds(10), "no retry after 10 fake seconds");
            time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(20);
        }

        var waited = time.GetUtcNow() - start;
        Assert.InRange(waited, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
        Assert.Equal("after-wait", (await call)!.Id);
    }

    [Fact]
    public async Task Retry_After_longer_than_the_cap_fails_without_waiting()
    {
        await using var h = await ConnectorHarness.StartAsync(extra: new Dictionary<string, string?> { ["Bot:ConnectorMaxRetryDelay"] = "00:00:05" });
        h.Sink.Enqueue(new SinkResponse(429, "{\"error\":{\"code\":\"Throttled\"}}", RetryAfter: "3600"));

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => h.Factory.Create(h.ServiceUrl).SendToConversationAsync("a:1", Message()));

        Assert.Equal(429, ex.StatusCode);
        Assert.Equal("Throttled", ex.ErrorCode);
        Assert.Equal(TimeSpan.FromHours(1), ex.RetryDelay(DateTimeOffset.UnixEpoch)); // handed to the caller, which waits
        Assert.Single(h.Sink.Requests);
    }

    [Theory]
    [InlineData(412)]
    [InlineData(429)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Transient_statuses_are_retried(int status)
    {
        await using var h = await ConnectorHarness.StartAsync();
        h.Sink.Enqueue(new SinkResponse(status), new SinkResponse(status), SinkResponse.Created("ok"));

        var result = await h.Factory.Create(h.ServiceUrl).SendToConversationAsync("a:1", Message());

        Assert.Equal("ok", result!.Id);
        Assert.Equal(3, h.Sink.Requests.Count);
        Assert.All(h.Sink.Requests, r => Assert.Equal("{\"type\":\"message\",\"text\":\"x\"}", r.Body));
    }

    [Fact]
    public async Task Retries_are_bounded()
    {
        await using var h = await ConnectorHarness.StartAsync();
        h.Sink.DefaultResponse = new SinkResponse(503);

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => h.Factory.Create(h.ServiceUrl).SendToConversationAsync("a:1", Message()));

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(1 + 3, h.Sink.Requests.Count);
    }

    [Theory]
    [InlineData(400, "BadArgument")]
    [InlineData(401, "BotNotRegistered")]
    [InlineData(403, "BotNotInConversationRoster")]
    [InlineData(404, "ActivityNotFoundInConversation")]
    [InlineData(413, "MessageSizeTooBig")]
    [InlineData(500, "ServiceError")]
    public async Task Other_failures_are_not_retried(int status, string code)
    {
        await using var h = await ConnectorHarness.StartAsync();
        h.Sink.Enqueue(new SinkResponse(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"m\"}}"), SinkResponse.Created("must-not-be-reached"));

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => h.Factory.Create(h.ServiceUrl).UpdateActivityAsync("a:1", "1:x", Message()));

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(code, ex.ErrorCode);
        await Task.Delay(50);
        Assert.Single(h.Sink.Requests);
    }
}
