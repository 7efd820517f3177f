using System.Net;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Benchmarks.Notifications;

/// <summary>
/// Counts what the bot sends to the sandbox iTop: a handler on every HttpClient of the bot reads the form's
/// <c>json_data</c> of the requests addressed to the sandbox. It sits outside the iTop client's resilience pipeline,
/// so a retry would not be counted (there are none on loopback).
/// </summary>
internal sealed class ItopRequestCounter(Uri itop)
{
    private long _feedQueries;
    private long _ticketReads;
    private long _other;

    public ItopRequests Snapshot() => new(Interlocked.Read(ref _feedQueries), Interlocked.Read(ref _ticketReads), Interlocked.Read(ref _other));

    public DelegatingHandler CreateHandler() => new CountingHandler(this, itop.Authority);

    private void Count(string form)
    {
        var data = form.Split('&').FirstOrDefault(p => p.StartsWith("json_data=", StringComparison.Ordinal));
        var request = data is null ? null : JsonNode.Parse(WebUtility.UrlDecode(data["json_data=".Length..]))?.AsObject();
        var isTicketGet = request?["operation"]?.GetValue<string>() == "core/get" && request["class"]?.GetValue<string>() == "UserRequest";
        // A key is an OQL string, an id or a criteria object.
        var oql = request?["key"] is JsonValue key && key.TryGetValue<string>(out var text) ? text : null;
        if (isTicketGet && oql is not null && oql.Contains("last_update >", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _feedQueries);
        }
        else if (isTicketGet && oql is null)
        {
            Interlocked.Increment(ref _ticketReads);
        }
        else
        {
            Interlocked.Increment(ref _other);
        }
    }

    private sealed class CountingHandler(ItopRequestCounter counter, string authority) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri?.Authority == authority && request.Content is not null)
            {
                counter.Count(await request.Content.ReadAsStringAsync(cancellationToken));
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
