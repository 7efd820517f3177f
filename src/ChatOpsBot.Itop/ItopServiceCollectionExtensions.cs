using ChatOpsBot.Itop.Caching;
using ChatOpsBot.Itop.Desk;
using ChatOpsBot.Itop.Health;
using ChatOpsBot.Itop.Rest;
using ChatOpsBot.Itop.Text;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly.Telemetry;
using Refit;

namespace ChatOpsBot.Itop;

public static class ItopServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ITicketDesk"/> over iTop: options from section "Itop" (values set in code with
    /// <c>services.PostConfigure&lt;ItopOptions&gt;</c> win, e.g. the host's sandbox address), the Refit client with the
    /// auth handler and the resilience pipeline, the caches (kept warm by a hosted service), the per-ticket write lock and
    /// the health check "itop" (tag "ready").
    /// </summary>
    public static IServiceCollection AddItopTicketDesk(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ItopOptions>()
            .Bind(configuration.GetSection(ItopOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ItopOptions>, ItopOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<ItopAuthHandler>();
        services.Configure<TelemetryOptions>(o => o.SeverityProvider = ItopResilience.QuietAttempts);

        services.AddRefitGeneratedClient<IItopRestApi>()
            .ConfigureHttpClient((sp, http) =>
            {
                var o = sp.GetRequiredService<IOptions<ItopOptions>>().Value;
                http.BaseAddress = new Uri(o.BaseUrl!, UriKind.Absolute);
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
            })
            // No cookies: rest.php resets its PHP session at the start of every call, so calls sharing one session
            // cookie log each other out when they overlap ("Error: Invalid login"). Each call authenticates on its own.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), UseCookies = false })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<ItopAuthHandler>()
            .AddResilienceHandler("itop", (builder, context) =>
                ItopResilience.Configure(builder, context.ServiceProvider.GetRequiredService<IOptions<ItopOptions>>().Value));

        services.TryAddSingleton<ItopClient>();
        services.TryAddSingleton(sp => ItopDates.For(sp.GetRequiredService<IOptions<ItopOptions>>().Value.TimeZone));
        services.TryAddSingleton<ItopAccount>();
        services.TryAddSingleton<ItopMapper>();
        services.TryAddSingleton<ItopReferenceData>();
        services.TryAddSingleton<KeyedAsyncLock<int>>();
        services.TryAddSingleton<ISharedTicketLock, NoSharedTicketLock>();
        services.TryAddSingleton<ITicketMoveLog, NoTicketMoveLog>();
        services.TryAddSingleton<ItopReferenceWarmer>();
        services.AddHostedService(sp => sp.GetRequiredService<ItopReferenceWarmer>());
        services.TryAddSingleton<ItopTicketDesk>();
        services.TryAddSingleton<ITicketDesk>(sp => sp.GetRequiredService<ItopTicketDesk>());
        services.AddHealthChecks().AddCheck<ItopHealthCheck>(ItopHealthCheck.Name, tags: [ItopHealthCheck.ReadyTag], timeout: TimeSpan.FromSeconds(20));
        return services;
    }
}
