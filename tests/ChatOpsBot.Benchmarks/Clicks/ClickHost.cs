using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Benchmarks.Load;
using ChatOpsBot.Hosting;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Testing;
using ChatOpsBot.Testing.Activities;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Benchmarks.Clicks;

/// <summary>
/// The bot's real composition (<see cref="ChatOpsBotApp.BuildAsync"/>, SQLite state, the iTop given on the command line)
/// in this process, with a loopback OpenID server signing the inbound token and a loopback Connector sink that answers
/// the member lookups with the clicking user's address. Swapped edges: the outbound token source, and a counting handler
/// on the bot's HttpClients. Notifications are off: nothing but the clicks talks to iTop.
/// </summary>
internal sealed class ClickHost : IAsyncDisposable
{
    public const string Nathalie = "29:bench-nathalie";
    public const string Helene = "29:bench-helene";
    private const string AppId = "5c0f3a61-2b7d-4e8a-9f14-7d2e6b8c9a03";
    private static readonly Dictionary<string, (string Name, string Email)> People = new(StringComparer.Ordinal)
    {
        [Nathalie] = ("Nathalie Matheu", "nathalie.matheu@groupe-insa.fr"),
        [Helene] = ("Hélène Dechelette", "helene.dechelette@insa-lyon.fr"),
    };

    private readonly HttpClient _http = new();
    private BotEdges? _edges;
    private WebApplication? _app;

    public ItopCallCounter Calls { get; } = new();

    public IServiceProvider Services => _app!.Services;

    public static async Task<ClickHost> StartAsync(Uri itop, string token)
    {
        var host = new ClickHost();
        try
        {
            host._edges = await BotEdges.StartAsync("click", AppId, "emea");
            await host.StartBotAsync(itop, token);
            foreach (var user in People.Keys)
            {
                await host.IdentifyAsync(user);
            }

            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>One card click: the invoke posted to /api/messages, timed until its answer is read; with the iTop calls it made and their time.</summary>
    public async Task<(TimeSpan Elapsed, long Reads, long Writes, TimeSpan InItop, string Answer)> ClickAsync(string user, string verb, JsonObject data)
    {
        data["verb"] = verb;
        var activity = Activity(user, TeamsActivity.CardAction(verb, data).ReplyTo("1"));
        var (reads, writes, inItop) = Calls.Snapshot();
        var clock = Stopwatch.StartNew();
        using var response = await PostAsync(activity);
        var answer = await response.Content.ReadAsStringAsync();
        var elapsed = clock.Elapsed;
        var (readsAfter, writesAfter, inItopAfter) = Calls.Snapshot();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{verb}: /api/messages answered {(int)response.StatusCode} {answer}");
        }

        return (elapsed, readsAfter - reads, writesAfter - writes, inItopAfter - inItop, answer);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _http.Dispose();
        if (_edges is not null)
        {
            await _edges.DisposeAsync();
        }
    }

    private async Task StartBotAsync(Uri itop, string token)
    {
        var args = _edges!.BotArgs(itop, token,
            "--Notifications:Enabled=false",
            "--Identity:CacheDuration=04:00:00",
            "--Roles:ApproverEmails:0=" + People[Helene].Email);
        _app = await ChatOpsBotApp.BuildAsync(args, builder =>
        {
            builder.Services.AddSingleton<IBotTokenSource>(new StaticTokenSource("loopback-outbound-token"));
            builder.Services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(Calls.CreateHandler));
        });
        await _app.StartAsync();
    }

    /// <summary>The user writes to the bot once: the member lookup (answered with their address) and their chat are known from then on.</summary>
    private async Task IdentifyAsync(string user)
    {
        var (name, email) = People[user];
        _edges!.Sink.DefaultResponse = new SinkResponse(200, new JsonObject { ["id"] = user, ["name"] = name, ["email"] = email, ["userPrincipalName"] = email }.ToJsonString());
        var before = _edges.Sink.Requests.Count;
        var message = Activity(user, TeamsActivity.Message("/tickets"));
        using var response = await PostAsync(message);
        var clock = Stopwatch.StartNew();
        while (!_edges.Sink.Requests.Skip(before).Any(r => r.Method == "POST"))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException(name + " got no answer from the bot.");
            }

            await _edges.Sink.WaitForRequestsAsync(_edges.Sink.Requests.Count + 1, TimeSpan.FromSeconds(1));
        }
    }

    private JsonObject Activity(string user, TeamsActivity kind) =>
        kind.From(user, People[user].Name).WithoutAadObjectId().Personal("a:" + user).To(_edges!.ServiceUrl).Build();

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_app!.Urls.First().TrimEnd('/') + "/api/messages")) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _edges!.Token);
        return await _http.SendAsync(request);
    }
}
