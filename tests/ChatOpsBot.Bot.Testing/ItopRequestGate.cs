using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace ChatOpsBot.Bot.Testing;

/// <summary>
/// Once <see cref="Arm"/>ed, holds back the first request the bot sends to iTop whose form body contains a given text
/// (e.g. a field a write sets) until <see cref="Release"/>: the request then goes on over HTTP to the sandbox as usual.
/// </summary>
internal sealed class ItopRequestGate(string bodyContains)
{
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _armed;

    /// <summary>Completes when the matching request reached the gate.</summary>
    public Task Held => _held.Task;

    public void Arm() => _armed = true;

    public void Release() => _released.TrySetResult();

    /// <summary>Puts the gate in front of every HTTP client of the bot; it only looks at requests to iTop's REST endpoint.</summary>
    public void AddTo(IServiceCollection services) =>
        services.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.AdditionalHandlers.Insert(0, new Handler(this))));

    private async Task PassAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_armed || _held.Task.IsCompleted || request.RequestUri is not { } uri || !uri.AbsolutePath.EndsWith("/webservices/rest.php", StringComparison.Ordinal) || request.Content is null)
        {
            return;
        }

        await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = Uri.UnescapeDataString((await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Replace('+', ' '));
        if (body.Contains(bodyContains, StringComparison.Ordinal) && _held.TrySetResult())
        {
            await _released.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class Handler(ItopRequestGate gate) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await gate.PassAsync(request, cancellationToken).ConfigureAwait(false);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
