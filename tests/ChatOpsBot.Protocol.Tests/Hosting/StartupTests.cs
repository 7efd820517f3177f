using System.Net;
using ChatOpsBot.Protocol.Tests.Authentication;
using ChatOpsBot.Protocol.Tests.Infrastructure;
using ChatOpsBot.Testing;
using ChatOpsBot.Testing.Activities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace ChatOpsBot.Protocol.Tests.Hosting;

public class StartupTests
{
    [Fact]
    public async Task Unauthenticated_mode_is_refused_at_startup_when_an_app_id_is_set()
    {
        var ex = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = BotHost.AppId,
            ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
        }));

        Assert.Contains("AllowUnauthenticatedLocalRequests", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unauthenticated_mode_accepts_loopback_requests_without_token_warns_and_sends_no_token()
    {
        await using var sink = await FakeConnector.StartScriptedAsync();
        await using var bot = await BotHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
                ["Bot:AllowedServiceUrls:0"] = sink.BaseAddress.ToString(),
            },
            defaultTokenSource: true);
        bot.Handler.OnActivity = (turn, ct) => turn.SendTextAsync("pong", ct);

        using var response = await bot.PostAsync(TeamsActivity.Message("hello").To(sink.BaseAddress.ToString()).Build(), token: null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(await sink.WaitForRequestsAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Null(sink.Requests[0].Header("Authorization"));
        Assert.Contains(bot.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("UNAUTHENTICATED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_app_id_and_without_the_flag_every_request_is_refused()
    {
        using var key = new TestSigningKey("k", "msteams");
        await using var openId = await OpenIdServer.StartAsync(TokenMinter.BotFrameworkIssuer, key);
        await using var sink = await FakeConnector.StartScriptedAsync();
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:OpenIdMetadataUrl"] = openId.MetadataUrl });
        var serviceUrl = sink.BaseAddress.ToString();
        var token = TokenMinter.Sign(key, TokenMinter.BotFrameworkClaims("", serviceUrl, DateTimeOffset.UtcNow, TimeSpan.FromHours(1)));

        using var anonymous = await bot.PostAsync(TeamsActivity.Message("hello").To(serviceUrl).Build(), token: null);
        using var withToken = await bot.PostAsync(TeamsActivity.Message("hello").To(serviceUrl).Build(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withToken.StatusCode);
        Assert.Contains(bot.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("MicrosoftAppId is not set", StringComparison.Ordinal));
        Assert.Empty(bot.Handler.Activities);
    }

    [Fact]
    public async Task A_redelivery_after_the_dedupe_window_is_handled_again()
    {
        await using var sink = await FakeConnector.StartScriptedAsync();
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
            ["Bot:AllowedServiceUrls:0"] = sink.BaseAddress.ToString(),
            ["Bot:DedupeWindow"] = "00:00:02", // wide enough that a loaded machine still sends the duplicate inside it
        });
        var activity = TeamsActivity.Message("hello").WithId("window-test").To(sink.BaseAddress.ToString()).Build();

        using (var first = await bot.PostAsync(activity, token: null))
        using (var duplicate = await bot.PostAsync(activity, token: null))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, duplicate.StatusCode);
        }

        await InboundAuthenticationTests.WaitUntilAsync(() => bot.Handler.Activities.Count == 1);
        await Task.Delay(2500);
        using var late = await bot.PostAsync(activity, token: null);

        Assert.Equal(HttpStatusCode.Accepted, late.StatusCode);
        await InboundAuthenticationTests.WaitUntilAsync(() => bot.Handler.Activities.Count == 2);
    }

    [Fact]
    public async Task Slow_background_turn_is_cancelled_after_the_handler_timeout()
    {
        await using var sink = await FakeConnector.StartScriptedAsync();
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
            ["Bot:AllowedServiceUrls:0"] = sink.BaseAddress.ToString(),
            ["Bot:HandlerTimeout"] = "00:00:00.200",
        });
        var cancelled = new TaskCompletionSource();
        bot.Handler.OnActivity = async (_, ct) =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), ct);
            }
            catch (OperationCanceledException)
            {
                cancelled.TrySetResult();
                throw;
            }
        };

        using var response = await bot.PostAsync(TeamsActivity.Message("hello").To(sink.BaseAddress.ToString()).Build(), token: null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await InboundAuthenticationTests.WaitUntilAsync(() => bot.Logs.Entries.Any(e => e.Message.Contains("timed out", StringComparison.Ordinal)));
    }
}
