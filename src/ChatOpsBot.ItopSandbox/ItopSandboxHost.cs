using ChatOpsBot.ItopSandbox.Hosting;
using ChatOpsBot.ItopSandbox.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.ItopSandbox;

/// <summary>
/// The sandbox hosted in-process on 127.0.0.1. <see cref="StopAsync"/> stops listening but keeps the data, and
/// <see cref="RestartAsync"/> listens again on the same port ("iTop goes down, then comes back").
/// </summary>
public sealed class ItopSandboxHost : IAsyncDisposable
{
    private readonly ItopSandboxOptions _options;
    private readonly SandboxStore _store;
    private WebApplication? _app;

    private ItopSandboxHost(ItopSandboxOptions options, SandboxStore store)
    {
        _options = options;
        _store = store;
    }

    /// <summary>http://127.0.0.1:{port}/ (the port stays the same across restarts).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public bool IsRunning => _app is not null;

    public static async Task<ItopSandboxHost> StartAsync(ItopSandboxOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var host = new ItopSandboxHost(options, SandboxApp.CreateStore(options));
        try
        {
            await host.ListenAsync(options.Port, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return host;
    }

    /// <summary>Stops listening; the data is kept for <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        var app = _app;
        _app = null;
        if (app is not null)
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Listens again on the same port with the same data.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync().ConfigureAwait(false);
        await ListenAsync(BaseAddress.Port, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _store.Dispose();
    }

    private async Task ListenAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ItopSandboxHost).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        builder.Services.AddSandbox(_store, _options);
        var app = builder.Build();
        app.MapSandbox();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(new Uri(address).GetLeftPart(UriPartial.Authority) + "/");
        _app = app;
    }
}
