using ChatOpsBot.ItopSandbox.Model;
using ChatOpsBot.ItopSandbox.Rest;
using ChatOpsBot.ItopSandbox.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOpsBot.ItopSandbox.Hosting;

/// <summary>Composition of the sandbox web application (shared by the standalone program and the in-process host).</summary>
internal static class SandboxApp
{
    public const string Path = "/webservices/rest.php";

    public static void AddSandbox(this IServiceCollection services, SandboxStore store, ItopSandboxOptions options)
    {
        services.TryAddSingleton(options.TimeProvider ?? TimeProvider.System);
        services.AddSingleton(store);
        services.AddSingleton(new PhpSessions(options.SessionCallDuration));
        services.AddSingleton<RestEndpoint>();
    }

    public static SandboxStore CreateStore(ItopSandboxOptions options) =>
        new(options.DatabasePath, options.SeedFile, options.SeedAdditions, new DataModel());

    public static void MapSandbox(this WebApplication app)
    {
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], (HttpContext http, RestEndpoint endpoint) => endpoint.HandleAsync(http));
        app.MapGet("/", () => Results.Text("iTop REST sandbox: POST " + Path + "?version=1.4"));
    }
}
