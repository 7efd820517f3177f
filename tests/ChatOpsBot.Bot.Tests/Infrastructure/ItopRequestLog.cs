using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace ChatOpsBot.Bot.Tests.Infrastructure;

/// <summary>
/// Records what the bot sends to iTop's rest.php, whichever iTop it is (the sandbox or a real one): a handler in front of
/// every HttpClient of the bot, one line per call: "core/get UserRequest", "core/apply_stimulus UserRequest ev_assign".
/// </summary>
internal sealed class ItopRequestLog
{
    private readonly List<string> _calls = [];

    /// <summary>The calls since the last <see cref="Take"/>, which starts a new count.</summary>
    public IReadOnlyList<string> Take()
    {
        lock (_calls)
        {
            var calls = _calls.ToList();
            _calls.Clear();
            return calls;
        }
    }

    public static bool IsWrite(string call) => !call.StartsWith("core/get", StringComparison.Ordinal);

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
        var json = form.Split('&').Select(p => p.Split('=', 2)).First(p => p[0] == "json_data")[1];
        var data = JsonNode.Parse(WebUtility.UrlDecode(json))!;
        var call = string.Join(' ', new[] { data["operation"], data["class"], data["stimulus"] }.OfType<JsonNode>().Select(n => n.GetValue<string>()));
        lock (_calls)
        {
            _calls.Add(call);
        }
    }

    private sealed class Handler(ItopRequestLog log) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await log.RecordAsync(request, cancellationToken).ConfigureAwait(false);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
