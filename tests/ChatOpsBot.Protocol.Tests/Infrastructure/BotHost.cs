using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Protocol.Hosting;
using ChatOpsBot.State.Dedupe;
using ChatOpsBot.State.Sqlite;
using ChatOpsBot.Testing;
using ChatOpsBot.Testing.Activities;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Protocol.Tests.Infrastructure;

/// <summary>A bot (AddBotProtocol + MapBotMessages) on loopback, with a SQLite state store and a recording handler.</summary>
public sealed class BotHost : IAsyncDisposable
{
    public const string AppId = "8f2e4c1a-0000-4000-8000-00000000b07a";

    private readonly string _databaseFile;

    private BotHost(LoopbackApp app, RecordingHandler handler, SqliteStateStore store, string databaseFile)
    {
        App = app;
        Handler = handler;
        Store = store;
        _databaseFile = databaseFile;
        Client = app.CreateClient();
    }

    public LoopbackApp App { get; }

    public RecordingHandler Handler { get; }

    public SqliteStateStore Store { get; }

    public HttpClient Client { get; }

    public CapturingLoggerProvider Logs { get; private init; } = new();

    /// <summary>Starts a bot. <paramref name="settings"/> are "Bot:..." keys; null values are dropped.</summary>
    /// <param name="pipeline">Middleware put before the endpoint (e.g. the forwarded-headers middleware).</param>
    public static async Task<BotHost> StartAsync(
        IDictionary<string, string?> settings,
        IBotTokenSource? tokenSource = null,
        bool defaultTokenSource = false,
        Action<WebApplication>? pipeline = null)
    {
        var logs = new CapturingLoggerProvider();
        var databaseFile = Path.Combine(Path.GetTempPath(), "chatopsbot-protocol-" + Guid.NewGuid().ToString("N") + ".db");
        var store = new SqliteStateStore("Data Source=" + databaseFile, TimeProvider.System);
        var handler = new RecordingHandler();
        try
        {
            var app = await LoopbackHost.StartAsync(
                builder =>
                {
                    builder.Services.AddSingleton<IActivityDedupeStore>(new StateActivityDedupeStore(store));
                    builder.Services.AddSingleton<IActivityHandler>(handler);
                    builder.Logging.AddProvider(logs);
                    if (!defaultTokenSource)
                    {
                        builder.Services.AddSingleton(tokenSource ?? new StaticTokenSource(StaticTokenSource.Token));
                    }

                    builder.Services.AddBotProtocol(builder.Configuration);
                },
                app =>
                {
                    pipeline?.Invoke(app);
                    app.MapBotMessages();
                },
                settings);
            return new BotHost(app, handler, store, databaseFile) { Logs = logs };
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Settings for an authenticated bot whose metadata is <paramref name="openId"/> and whose Connector is <paramref name="sink"/>.</summary>
    public static Dictionary<string, string?> Settings(OpenIdServer openId, FakeConnector sink) => new()
    {
        ["Bot:MicrosoftAppId"] = AppId,
        ["Bot:OpenIdMetadataUrl"] = openId.MetadataUrl,
        ["Bot:AllowedServiceUrls:0"] = sink.BaseAddress.ToString(),
        ["Bot:ConnectorRetryBaseDelay"] = "00:00:00.001",
    };

    public Task<HttpResponseMessage> PostAsync(string body, string? token) => ActivityPost.SendAsync(Client, body, token);

    public Task<HttpResponseMessage> PostAsync(JsonNode activity, string? token) => ActivityPost.SendAsync(Client, activity, token);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        Store.Dispose();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databaseFile + suffix);
        }
    }
}
