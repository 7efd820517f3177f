using ChatOpsBot.Protocol.Authentication;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Protocol.Hosting;
using ChatOpsBot.Protocol.Proactive;
using ChatOpsBot.Protocol.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;

namespace ChatOpsBot.Protocol;

/// <summary>Registers the Bot Framework protocol layer.</summary>
public static class BotProtocolServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="BotOptions"/> (section "Bot"), the inbound authenticator, the Connector client
    /// factory and token source, the background queue. The app registers <see cref="IActivityHandler"/> and
    /// <see cref="IActivityDedupeStore"/>; an <see cref="IBotTokenSource"/> or <see cref="TimeProvider"/> registered before this call wins.
    /// </summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(OpenIdConfigurationManagers.HttpClientName);
        services.TryAddSingleton<BotAuthenticator>();

        services.TryAddSingleton<ServiceUrlAllowList>();
        services.TryAddSingleton(_ => new RefitSettings(new SystemTextJsonContentSerializer(ProtocolJson.Options)));
        services.TryAddSingleton<IBotTokenSource>(CreateTokenSource);
        services.TryAddTransient<ConnectorRetryHandler>();
        services.TryAddTransient<BotTokenHandler>();
        services.AddHttpClient(ConnectorClientFactory.HttpClientName)
            .AddHttpMessageHandler<ConnectorRetryHandler>()
            .AddHttpMessageHandler<BotTokenHandler>();
        services.TryAddSingleton<IConnectorClientFactory, ConnectorClientFactory>();
        services.AddProactiveSender();

        services.TryAddSingleton<ActivityQueue>();
        services.TryAddSingleton<ActivityDeduplicator>();
        services.TryAddSingleton<TurnRunner>();
        services.TryAddSingleton<BotMessageEndpoint>();
        services.AddHostedService<ActivityProcessor>();
        return services;
    }

    /// <summary>
    /// The one <see cref="IProactiveSender"/>, over whatever <see cref="IConnectorClientFactory"/> is registered (the
    /// protocol's, or a test's). <see cref="AddBotProtocol"/> calls it; an app composed without it (a test of its
    /// background alone) may too.
    /// </summary>
    public static IServiceCollection AddProactiveSender(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IProactiveSender, ProactiveSender>();
        return services;
    }

    private static IBotTokenSource CreateTokenSource(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<BotOptions>>();
        var settings = options.Value;
        if (settings.AllowUnauthenticatedLocalRequests || !settings.IsAuthenticationConfigured)
        {
            return new NoBotTokenSource();
        }

        if (!string.IsNullOrWhiteSpace(settings.ManagedIdentityClientId))
        {
            return new ManagedIdentityBotTokenSource(options, services.GetRequiredService<TimeProvider>());
        }

        return string.IsNullOrWhiteSpace(settings.MicrosoftAppPassword) ? new NoBotTokenSource() : new MsalBotTokenSource(options);
    }
}
