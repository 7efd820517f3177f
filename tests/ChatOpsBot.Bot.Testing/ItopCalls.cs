using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace ChatOpsBot.Bot.Testing;

/// <summary>The operation, class and OQL of every call to the sandbox.</summary>
internal sealed class ItopCalls(Uri? itop = null)
{
    private readonly List<string> _calls = [];

    /// <summary>The iTop whose calls count; null: any iTop REST endpoint.</summary>
    public Uri? Itop => itop;

    /// <summary>Puts the recorder in front of every HTTP client of the bot (one entry per logical call).</summary>
    public void AddTo(IServiceCollection services) =>
        services.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.AdditionalHandlers.Insert(0, new ItopCallRecorder(this))));

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public void Clear()
    {
        lock (_calls)
        {
            _calls.Clear();
        }
    }

    public void Add(string call)
    {
        lock (_calls)
        {
            _calls.Add(call);
        }
    }
}

/// <summary>Outermost handler of every HTTP client (one entry per logical call); only the sandbox's calls count.</summary>
internal sealed class ItopCallRecorder(ItopCalls calls) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && (calls.Itop is null ? uri.AbsolutePath.EndsWith("/webservices/rest.php", StringComparison.Ordinal) : uri.Port == calls.Itop.Port) && request.Content is not null)
        {
            var form = await request.Content.ReadAsStringAsync(cancellationToken);
            var json = form.Split('&').Select(p => p.Split('=', 2)).First(p => p[0] == "json_data")[1];
            var data = JsonNode.Parse(WebUtility.UrlDecode(json))!;
            calls.Add($"{data["operation"]} {data["class"]} {data["key"]}");
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
