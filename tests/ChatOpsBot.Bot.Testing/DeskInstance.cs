using ChatOpsBot.Itop;
using ChatOpsBot.ItopSandbox;
using ChatOpsBot.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Bot.Testing;

/// <summary>One instance of the bot's ticket desk (the iTop adapter on the sandbox) with its state store, which other instances may share.</summary>
public static class DeskInstance
{
    /// <param name="state">The <c>State:Provider</c> and <c>State:ConnectionString</c> settings.</param>
    /// <param name="configure">Registrations of the test (a shared lock, a request gate or log…), made last.</param>
    public static ServiceProvider Start(ItopSandboxHost sandbox, IEnumerable<KeyValuePair<string, string?>> state, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(state).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Itop:BaseUrl"] = sandbox.BaseAddress.ToString(),
            ["Itop:Token"] = ItopReader.Token,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddStateStore(configuration);
        services.AddItopTicketDesk(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
