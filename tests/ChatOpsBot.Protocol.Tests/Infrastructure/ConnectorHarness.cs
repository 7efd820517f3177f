using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Protocol.Tests.Infrastructure;

/// <summary>AddBotProtocol in a plain service provider, with the sink allow-listed and tiny retry delays.</summary>
public sealed class ConnectorHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ConnectorHarness(ServiceProvider services, FakeConnector sink)
    {
        _services = services;
        Sink = sink;
    }

    public FakeConnector Sink { get; }

    public IConnectorClientFactory Factory => _services.GetRequiredService<IConnectorClientFactory>();

    public IServiceProvider Services => _services;

    public string ServiceUrl => Sink.BaseAddress + "amer/";

    public static async Task<ConnectorHarness> StartAsync(TimeProvider? timeProvider = null, IDictionary<string, string?>? extra = null)
    {
        var sink = await FakeConnector.StartScriptedAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = BotHost.AppId,
            ["Bot:AllowedServiceUrls:0"] = sink.BaseAddress.ToString(),
            ["Bot:ConnectorRetryBaseDelay"] = "00:00:00.001",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging(b => b.ClearProviders());
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddSingleton<IBotTokenSource>(new StaticTokenSource(StaticTokenSource.Token));
        services.AddBotProtocol(configuration);
        return new ConnectorHarness(services.BuildServiceProvider(), sink);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sink.DisposeAsync();
    }
}
