using Microsoft.AspNetCore.Builder;

namespace ChatOpsBot.Testing;

/// <summary>A started WebApplication listening on 127.0.0.1 with a free port.</summary>
public sealed class LoopbackApp : IAsyncDisposable
{
    internal LoopbackApp(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }

    /// <summary>http://127.0.0.1:port/ (trailing slash).</summary>
    public Uri BaseAddress { get; }

    public IServiceProvider Services => App.Services;

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
