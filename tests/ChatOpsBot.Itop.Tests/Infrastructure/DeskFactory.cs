using ChatOpsBot.Itop;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Itop.Tests.Infrastructure;

/// <summary>Builds the real registration (AddItopTicketDesk) against a base address.</summary>
internal static class DeskFactory
{
    public static ServiceProvider Build(Uri baseAddress, Action<ItopOptions>? configure = null, TimeProvider? time = null,
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? extra = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Itop:BaseUrl"] = baseAddress.ToString(),
            ["Itop:Token"] = "stub-token",
            ["Itop:RetryDelay"] = "00:00:00",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            values[k] = v;
        }

        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddItopTicketDesk(config);
        if (configure is not null)
        {
            services.PostConfigure(configure);
        }

        extra?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
