using ChatOpsBot.ItopSandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.ItopSandbox;

/// <summary>Standalone entry point of the iTop sandbox: <c>dotnet run --project src/ChatOpsBot.ItopSandbox -- --urls http://127.0.0.1:8088</c>.</summary>
public static class SandboxProgram
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var options = builder.Configuration.GetSection("ItopSandbox").Get<ItopSandboxOptions>() ?? new ItopSandboxOptions();
        var store = SandboxApp.CreateStore(options);
        builder.Services.AddSandbox(store, options);
        var app = builder.Build();
        app.MapSandbox();
        await app.StartAsync().ConfigureAwait(false);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ChatOpsBot.ItopSandbox");
        foreach (var url in app.Urls)
        {
            Log.Started(logger, new Uri(url), options.DatabasePath ?? "in-memory");
        }

        await app.WaitForShutdownAsync().ConfigureAwait(false);
    }
}
