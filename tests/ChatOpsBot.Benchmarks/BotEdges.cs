using ChatOpsBot.Testing;

namespace ChatOpsBot.Benchmarks;

/// <summary>
/// The loopback edges a benchmark runs the bot's real composition between: a temp folder for its state, an OpenID server
/// signing the inbound token, a Connector sink; and the command line that points the bot at them and at an iTop.
/// </summary>
internal sealed class BotEdges : IAsyncDisposable
{
    private readonly TestSigningKey _key;
    private readonly string _appId;
    private OpenIdServer? _openId;

    private BotEdges(string name, string appId)
    {
        _key = new TestSigningKey(name + "-key", "msteams");
        _appId = appId;
        Directory = Path.Combine(Path.GetTempPath(), "chatopsbot-" + name + "-bench", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>The bot's temp folder (its SQLite state, and a sandbox's file if any).</summary>
    public string Directory { get; }

    public FakeConnector Sink { get; private set; } = null!;

    /// <summary>The serviceUrl of the activities: the sink, under a region path as in Teams.</summary>
    public string ServiceUrl { get; private set; } = "";

    /// <summary>A valid Bot Framework token for the inbound activities (two hours).</summary>
    public string Token { get; private set; } = "";

    public static async Task<BotEdges> StartAsync(string name, string appId, string region)
    {
        var edges = new BotEdges(name, appId);
        try
        {
            edges._openId = await OpenIdServer.StartAsync(TokenMinter.BotFrameworkIssuer, edges._key);
            edges.Sink = await FakeConnector.StartScriptedAsync();
            edges.ServiceUrl = new Uri(edges.Sink.BaseAddress, region + "/").ToString();
            edges.Token = TokenMinter.Sign(edges._key, TokenMinter.BotFrameworkClaims(appId, edges.ServiceUrl, DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromHours(2)));
            return edges;
        }
        catch
        {
            await edges.DisposeAsync();
            throw;
        }
    }

    /// <summary>The bot's command line: loopback, production settings, these edges, SQLite state in <see cref="Directory"/>, the iTop given.</summary>
    public string[] BotArgs(Uri itop, string itopToken, params string[] more) =>
    [
        "--urls=http://127.0.0.1:0",
        "--environment=Production",
        "--contentRoot=" + AppContext.BaseDirectory,
        "--Bot:MicrosoftAppId=" + _appId,
        "--Bot:OpenIdMetadataUrl=" + _openId!.MetadataUrl,
        "--Bot:AllowedServiceUrls:0=" + Sink.BaseAddress,
        "--Itop:BaseUrl=" + itop,
        "--Itop:Token=" + itopToken,
        SeedRoles.GroupDeskArgument,
        "--State:Provider=Sqlite",
        "--State:ConnectionString=Data Source=" + Path.Combine(Directory, "state.db"),
        "--Logging:LogLevel:Default=Warning",
        .. more,
    ];

    public async ValueTask DisposeAsync()
    {
        if (Sink is not null)
        {
            await Sink.DisposeAsync();
        }

        if (_openId is not null)
        {
            await _openId.DisposeAsync();
        }

        _key.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold a file for a moment; the temp folder is left behind.
        }
    }
}
