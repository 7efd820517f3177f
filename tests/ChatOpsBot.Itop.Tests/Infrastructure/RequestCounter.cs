using System.Net;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Itop.Tests.Infrastructure;

/// <summary>Counts the iTop calls the client makes (outermost handler: one entry per logical call).</summary>
internal sealed class RequestCounter : DelegatingHandler
{
    private readonly List<string> _calls = [];

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_calls)
            {
                return _calls.ToList();
            }
        }
    }

    public IReadOnlyList<string> Take()
    {
        lock (_calls)
        {
            var copy = _calls.ToList();
            _calls.Clear();
            return copy;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var form = await request.Content!.ReadAsStringAsync(cancellationToken);
        var json = form.Split('&').Select(p => p.Split('=', 2)).First(p => p[0] == "json_data")[1];
        var data = JsonNode.Parse(WebUtility.UrlDecode(json))!;
        var call = data["operation"]!.GetValue<string>() + " " + (data["class"]?.GetValue<string>() ?? "") +
                   (data["stimulus"] is { } s ? " " + s.GetValue<string>() : "");
        lock (_calls)
        {
            _calls.Add(call.Trim());
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
