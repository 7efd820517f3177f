using ChatOpsBot.Protocol.Hosting;
using ChatOpsBot.State.Dedupe;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.State;

/// <summary>Registers the configured state provider.</summary>
public static class StateServiceCollectionExtensions
{
    /// <summary>Tag carried by the "state" health check, for readiness endpoints.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Binds and validates (at start) <see cref="StateOptions"/> from section <c>State</c>; registers singleton
    /// <see cref="IStateStore"/> and <see cref="ILeaseManager"/> of the chosen provider, the protocol's dedupe window on that
    /// store (<see cref="IActivityDedupeStore"/>), <see cref="TimeProvider.System"/>
    /// unless a TimeProvider is already registered, and the health check named "state" (tag "ready").
    /// </summary>
    public static IServiceCollection AddStateStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StateOptions>()
            .Bind(configuration.GetSection(StateOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StateOptions>, StateOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(StateBackend.Create);
        services.TryAddSingleton(sp => sp.GetRequiredService<StateBackend>().Store);
        services.TryAddSingleton(sp => sp.GetRequiredService<StateBackend>().Leases);
        services.TryAddSingleton<IActivityDedupeStore, StateActivityDedupeStore>();
        services.AddHealthChecks().AddCheck<StateHealthCheck>(StateHealthCheck.Name, tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5));
        return services;
    }
}
