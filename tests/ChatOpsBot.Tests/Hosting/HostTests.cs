using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Hosting;
using ChatOpsBot.Testing;
using ChatOpsBot.Testing.Activities;
using ChatOpsBot.Tests.Infrastructure;

namespace ChatOpsBot.Tests.Hosting;

/// <summary>The real host process, with its embedded defaults (sandbox iTop + SQLite), over loopback HTTP.</summary>
public sealed class HostTests
{
    /// <summary>A personal chat id with the characters Teams puts in them (escaped in the Connector's paths).</summary>
    private const string ConversationId = "a:1Jz8Xr-personal;chat@id";

    private static Dictionary<string, string?> LocalSettings(FakeConnector sink) => new()
    {
        ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
        ["Bot:AllowedServiceUrls:0"] = sink.BaseAddress.ToString(),
    };

    [Fact]
    public async Task Defaults_start_the_embedded_sandbox_and_sqlite_and_answer_health_checks()
    {
        await using var sink = await FakeConnector.StartScriptedAsync();
        await using var bot = await BotProcess.StartAsync(LocalSettings(sink));
        using var client = bot.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("healthz")).StatusCode);
        var ready = await client.GetAsync("readyz");
        Assert.True(ready.StatusCode == HttpStatusCode.OK, await ready.Content.ReadAsStringAsync() + bot.Output);
        Assert.Contains("embedded iTop sandbox", bot.Output, StringComparison.Ordinal);
        Assert.Contains("AllowUnauthenticatedLocalRequests", bot.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(bot.WorkingDirectory, "data", "chatopsbot.db")), "the SQLite state file lives under ./data");
    }

    [Fact]
    public async Task Readyz_reports_iTop_unhealthy_while_iTop_refuses_the_bot_credentials()
    {
        await using var sink = await FakeConnector.StartScriptedAsync();
        await using var sandbox = await ChatOpsBot.ItopSandbox.ItopSandboxHost.StartAsync(new ChatOpsBot.ItopSandbox.ItopSandboxOptions());
        var settings = LocalSettings(sink);
        settings["Itop:BaseUrl"] = sandbox.BaseAddress.ToString();
        settings["Itop:Token"] = "revoked-token";
        settings.Add(SeedRoles.GroupDeskSetting.Key, SeedRoles.GroupDeskSetting.Value);
        await using var bot = await BotProcess.StartAsync(settings);
        using var client = bot.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("healthz")).StatusCode);
        var ready = await client.GetAsync("readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Contains("iTop refuses the bot's credentials (code 1)", bot.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aide", null)]
    [InlineData("n'importe quoi", "fr-FR")]
    [InlineData("help", "en-US")]
    [InlineData("what?", "en-GB")]
    public async Task Help_and_unknown_text_answer_with_the_commands_in_the_user_language(string text, string? locale)
    {
        await using var sink = await FakeConnector.StartScriptedAsync();
        await using var bot = await BotProcess.StartAsync(LocalSettings(sink));
        using var client = bot.CreateClient();
        var serviceUrl = new Uri(sink.BaseAddress, "amer/").ToString();

        var response = await ActivityPost.SendAsync(client, TeamsActivity.Message(text).Locale(locale).InConversation(ConversationId).To(serviceUrl).Build());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(await sink.WaitForRequestsAsync(1, TimeSpan.FromSeconds(20)), bot.Output);
        var reply = sink.Requests[0];
        Assert.Equal("POST", reply.Method);
        Assert.StartsWith("/amer/v3/conversations/" + Uri.EscapeDataString(ConversationId) + "/activities", reply.RawTarget, StringComparison.Ordinal);
        var english = locale?.StartsWith("en", StringComparison.Ordinal) == true;
        var expected = FirstLine(BotText.Help(english ? BotCulture.English : BotCulture.French));
        var other = FirstLine(BotText.Help(english ? BotCulture.French : BotCulture.English));
        var body = JsonNode.Parse(reply.Body)!.ToJsonString();
        Assert.Contains(JsonText(expected), body, StringComparison.Ordinal);
        Assert.DoesNotContain(JsonText(other), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bot_greets_once_when_installed()
    {
        await using var sink = await FakeConnector.StartScriptedAsync();
        await using var bot = await BotProcess.StartAsync(LocalSettings(sink));
        using var client = bot.CreateClient();
        var serviceUrl = new Uri(sink.BaseAddress, "emea/").ToString();

        // Teams sends both on install; the same activity re-delivered must not greet again either.
        var install = TeamsActivity.Install().InConversation(ConversationId).To(serviceUrl).Build();
        Assert.Equal(HttpStatusCode.Accepted, (await ActivityPost.SendAsync(client, install)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await ActivityPost.SendAsync(client, install)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await ActivityPost.SendAsync(client, TeamsActivity.BotAdded().InConversation(ConversationId).To(serviceUrl).Build())).StatusCode);

        // The installer is looked up first (a personal install links the chat to their iTop person), then greeted.
        Assert.True(await sink.WaitForRequestsAsync(2, TimeSpan.FromSeconds(20)), bot.Output);
        Assert.StartsWith("/emea/v3/conversations/" + Uri.EscapeDataString(ConversationId) + "/members/", sink.Requests[0].RawTarget, StringComparison.Ordinal);
        await Task.Delay(500);
        var intro = JsonText(CardText.Get("Welcome_Intro", BotCulture.French));
        var greetings = sink.Requests.Where(r => r.Method == "POST" && JsonNode.Parse(r.Body)!.ToJsonString().Contains(intro, StringComparison.Ordinal)).ToList();
        Assert.Single(greetings);
        Assert.Equal("application/vnd.microsoft.card.adaptive", JsonNode.Parse(greetings[0].Body)!["attachments"]![0]!["contentType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unauthenticated_mode_is_refused_at_startup_when_an_app_id_is_set()
    {
        await using var bot = await BotProcess.StartAsync(
            new Dictionary<string, string?>
            {
                ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
                ["Bot:MicrosoftAppId"] = "6c1f4a57-4a3e-4c49-9d6a-1f0c6f1d2e3a",
            },
            expectExit: true);

        Assert.True(await bot.WaitForExitAsync(TimeSpan.FromSeconds(20)), "the host must not start");
        Assert.NotEqual(0, bot.ExitCode);
        Assert.Contains("AllowUnauthenticatedLocalRequests", bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_on_its_own_itop_refuses_to_start_without_a_group_desk_and_says_which_setting_is_missing()
    {
        await using var sink = await FakeConnector.StartScriptedAsync();
        await using var sandbox = await ChatOpsBot.ItopSandbox.ItopSandboxHost.StartAsync(new ChatOpsBot.ItopSandbox.ItopSandboxOptions());
        var settings = LocalSettings(sink);
        settings["Itop:BaseUrl"] = sandbox.BaseAddress.ToString();
        settings["Itop:Token"] = EmbeddedItop.SandboxToken;
        await using var bot = await BotProcess.StartAsync(settings, expectExit: true);

        Assert.True(await bot.WaitForExitAsync(TimeSpan.FromSeconds(30)), "the host must not start");
        Assert.NotEqual(0, bot.ExitCode);
        Assert.Contains("no group desk is configured", bot.Output, StringComparison.Ordinal);
        Assert.Contains("Roles:GroupDeskEmails", bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_requests_are_checked_and_secrets_never_reach_the_log()
    {
        const string appId = "6c1f4a57-4a3e-4c49-9d6a-1f0c6f1d2e3a";
        const string secret = "Sup3r-S3cret-Never-Logged";
        using var key = new TestSigningKey("host-key-1", "msteams");
        await using var openId = await OpenIdServer.StartAsync(TokenMinter.BotFrameworkIssuer, key);
        await using var sink = await FakeConnector.StartScriptedAsync();
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = appId,
            ["Bot:MicrosoftAppTenantId"] = "4f9a2b1c-0000-4000-8000-00000000aaaa",
            ["Bot:MicrosoftAppPassword"] = secret,
            ["Bot:OpenIdMetadataUrl"] = openId.MetadataUrl,
            ["Bot:AllowedServiceUrls:0"] = sink.BaseAddress.ToString(),
            ["Logging:LogLevel:Default"] = "Debug",
        });
        using var client = bot.CreateClient();
        var serviceUrl = new Uri(sink.BaseAddress, "amer/").ToString();

        // An activity that needs no reply, so no outbound token is requested (no network here).
        var activity = TeamsActivity.Reaction().To(serviceUrl).Build();
        var valid = TokenMinter.Sign(key, TokenMinter.BotFrameworkClaims(appId, serviceUrl, DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromHours(1)));
        var otherServiceUrl = TokenMinter.Sign(key, TokenMinter.BotFrameworkClaims(appId, "https://smba.trafficmanager.net/amer/", DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromHours(1)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await ActivityPost.SendAsync(client, activity)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ActivityPost.SendAsync(client, activity, TokenMinter.TamperSignature(valid))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActivityPost.SendAsync(client, activity, otherServiceUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await ActivityPost.SendAsync(client, activity, valid)).StatusCode);

        await Task.Delay(300);
        Assert.DoesNotContain(secret, bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(valid, bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("sandbox-token", bot.Output, StringComparison.Ordinal);
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private static string JsonText(string text) => JsonValue.Create(text).ToJsonString().Trim('"');
}
