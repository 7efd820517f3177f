using ChatOpsBot.Protocol.Tests.Infrastructure;
using ChatOpsBot.Testing;
using Xunit;

namespace ChatOpsBot.Protocol.Tests.Authentication;

/// <summary>One metadata server (keys with various endorsements), one Connector sink, one authenticated bot.</summary>
public sealed class AuthFixture : IAsyncLifetime
{
    public TestSigningKey TeamsKey { get; } = new("teams-key", "msteams", "skype");

    public TestSigningKey SkypeOnlyKey { get; } = new("skype-only", "skype");

    public TestSigningKey UnendorsedKey { get; } = new("no-endorsements");

    /// <summary>Never published.</summary>
    public TestSigningKey StrangerKey { get; } = new("stranger");

    public OpenIdServer OpenId { get; private set; } = null!;

    public FakeConnector Sink { get; private set; } = null!;

    public BotHost Bot { get; private set; } = null!;

    public string ServiceUrl => Sink.BaseAddress + "amer/";

    public async Task InitializeAsync()
    {
        OpenId = await OpenIdServer.StartAsync(TokenMinter.BotFrameworkIssuer, TeamsKey, SkypeOnlyKey, UnendorsedKey);
        Sink = await FakeConnector.StartScriptedAsync();
        Bot = await BotHost.StartAsync(BotHost.Settings(OpenId, Sink));
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Sink.DisposeAsync();
        await OpenId.DisposeAsync();
        foreach (var key in new[] { TeamsKey, SkypeOnlyKey, UnendorsedKey, StrangerKey })
        {
            key.Dispose();
        }
    }
}
