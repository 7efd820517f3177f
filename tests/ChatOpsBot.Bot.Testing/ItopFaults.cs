using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace ChatOpsBot.Bot.Testing;

/// <summary>How a call to iTop is made to fail.</summary>
internal enum ItopFault
{
    /// <summary>The call goes to the sandbox with a revoked token: iTop itself answers code 1 "Error: Invalid login".</summary>
    CredentialsRefused,

    /// <summary>The call never reaches iTop (a refused connection).</summary>
    Unavailable,
}

/// <summary>
/// Fails the bot's calls to iTop on purpose, counted from <see cref="Fail"/>: calls <c>first</c> to <c>first + count − 1</c>
/// (each HTTP request: the client's retry of a refused read is a call of its own), among those a filter counts (e.g. the
/// calls about tickets only). Put innermost on every HTTP client of the bot (after the auth handler, whose token it replaces);
/// it only touches requests to iTop's REST endpoint, and records them.
/// </summary>
internal sealed class ItopFaults
{
    public const string RevokedToken = "revoked-token";
    private readonly List<string> _calls = [];
    private int _seen;
    private int _first = int.MaxValue;
    private int _last = int.MinValue;
    private ItopFault _fault;
    private Func<string, bool> _counted = _ => true;

    /// <summary>The calls since the last <see cref="Fail"/> ("core/get UserRequest", "core/apply_stimulus UserRequest ev_approve"…), failed ones marked "✗".</summary>
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

    /// <summary>
    /// From now on, the <paramref name="first"/>-th call (1 = the next one) and the <paramref name="count"/> − 1 after it fail,
    /// counting only the calls <paramref name="counted"/> accepts ("core/apply_stimulus UserRequest ev_assign"…; all by default).
    /// </summary>
    public void Fail(int first, int count, ItopFault fault, Func<string, bool>? counted = null)
    {
        lock (_calls)
        {
            _calls.Clear();
            _seen = 0;
            _first = first;
            _last = count == int.MaxValue ? int.MaxValue : first + count - 1;
            _fault = fault;
            _counted = counted ?? (_ => true);
        }
    }

    /// <summary>Every later call goes through (iTop is back, the account is fixed).</summary>
    public void Lift()
    {
        lock (_calls)
        {
            _first = int.MaxValue;
            _last = int.MinValue;
        }
    }

    public void AddTo(IServiceCollection services) =>
        services.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.AdditionalHandlers.Add(new Handler(this))));

    private async Task<ItopFault?> DecideAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { } uri || !uri.AbsolutePath.EndsWith("/webservices/rest.php", StringComparison.Ordinal) || request.Content is null)
        {
            return null;
        }

        await request.Content.LoadIntoBufferAsync(cancellationToken);
        var form = await request.Content.ReadAsStringAsync(cancellationToken);
        var json = form.Split('&').Select(p => p.Split('=', 2)).First(p => p[0] == "json_data")[1];
        var data = JsonNode.Parse(WebUtility.UrlDecode(json))!;
        var call = data["operation"]!.GetValue<string>() + " " + (data["class"]?.GetValue<string>() ?? "") + (data["stimulus"] is { } s ? " " + s.GetValue<string>() : "");
        lock (_calls)
        {
            var n = _counted(call) ? ++_seen : 0;
            var fails = n >= _first && n <= _last;
            _calls.Add(fails ? "✗ " + call : call);
            return fails ? _fault : null;
        }
    }

    private sealed class Handler(ItopFaults faults) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            switch (await faults.DecideAsync(request, cancellationToken))
            {
                case ItopFault.Unavailable:
                    throw new HttpRequestException("Connection refused (fault injected by the test)", new System.Net.Sockets.SocketException(111));
                case ItopFault.CredentialsRefused:
                    request.Headers.Remove("Auth-Token");
                    request.Headers.Add("Auth-Token", RevokedToken);
                    break;
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
