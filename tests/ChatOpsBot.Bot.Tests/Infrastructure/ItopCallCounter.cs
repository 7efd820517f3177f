using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace ChatOpsBot.Bot.Tests.Infrastructure;

/// <summary>
/// Records every request the bot sends to iTop's REST endpoint, at the HTTP boundary (outermost handler of every
/// HTTP client of the bot): "operation class" per request, e.g. "core/get UserRequest".
/// </summary>
internal sealed class ItopCallCounter
{
    private readonly List<string> _calls = [];

    /// <summary>The calls since the last <see cref="Take"/>, and forgets them.</summary>
    public IReadOnlyList<string> Take()
    {
        lock (_calls)
        {
            var copy = _calls.ToList();
            _calls.Clear();
            return copy;
        }
    }

    public void AddTo(IServiceCollection services) =>
        services.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.AdditionalHandlers.Insert(0, new Handler(this))));

    private async Task RecordAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { } uri || !uri.AbsolutePath.EndsWith("/webservices/rest.php", StringComparison.Ordinal) || request.Content is null)
        {
            return;
        }

        await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var form = await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var json = form.Split('&').Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0] == "json_data")?[1];
        var data = json is null ? null : JsonNode.Parse(WebUtility.UrlDecode(json));
        var call = ((data?["operation"]?.GetValue<string>() ?? "?") + " " + (data?["class"]?.GetValue<string>() ?? "")).Trim();
        lock (_calls)
        {
            _calls.Add(call);
        }
    }

    private sealed class Handler(ItopCallCounter counter) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await counter.RecordAsync(request, cancellationToken).ConfigureAwait(false);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
