using ChatOpsBot.ItopSandbox;

namespace ChatOpsBot.Hosting;

/// <summary>
/// Without <c>Itop:BaseUrl</c> the bot runs against the embedded iTop sandbox on loopback, so a fresh clone
/// works with no iTop at all; the roles the sandbox's seed needs and the configuration leaves out come from
/// <see cref="SeedRolesFile"/>. With it, nothing is started.
/// </summary>
public static class EmbeddedItop
{
    public const string SandboxToken = "sandbox-token";

    /// <summary>The seed's group desk (next to the host's binaries), read only when no desk is configured.</summary>
    public const string SeedRolesFile = "appsettings.Sandbox.json";

    public static async Task<ItopSandboxHost?> StartIfNotConfiguredAsync(IConfigurationManager configuration, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(configuration["Itop:BaseUrl"]))
        {
            return null;
        }

        var databasePath = configuration["Itop:SandboxDatabasePath"] ?? Path.Combine("data", "itop-sandbox.db");
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var sandbox = await ItopSandboxHost.StartAsync(new ItopSandboxOptions { DatabasePath = databasePath }, cancellationToken);
        configuration["Itop:BaseUrl"] = sandbox.BaseAddress.ToString();
        configuration["Itop:Token"] = SandboxToken;
        configuration["Itop:User"] = null;
        configuration["Itop:Password"] = null;
        if (!configuration.GetSection("Roles:GroupDeskEmails").GetChildren().Any() && !configuration.GetSection("Roles:GroupDeskTeams").GetChildren().Any())
        {
            configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, SeedRolesFile), optional: false);
        }

        return sandbox;
    }

    public static WebApplication UseEmbeddedItop(this WebApplication app, ItopSandboxHost? sandbox)
    {
        if (sandbox is null)
        {
            return app;
        }

        HostLog.EmbeddedSandbox(app.Logger, sandbox.BaseAddress);
        app.Lifetime.ApplicationStopped.Register(() => sandbox.DisposeAsync().AsTask().GetAwaiter().GetResult());
        return app;
    }
}
