using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ChatOpsBot.Benchmarks.Load;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Hosting;
using ChatOpsBot.ItopSandbox;
using ChatOpsBot.Notifications;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.State;
using ChatOpsBot.Testing;
using ChatOpsBot.Testing.Activities;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Benchmarks.Notifications;

/// <summary>
/// The bot's real composition (<see cref="ChatOpsBotApp.BuildAsync"/>, SQLite state) in this process, with the sandbox
/// iTop over HTTP, a loopback OpenID server signing the inbound token, a loopback Connector sink, all on 127.0.0.1.
/// Only two edges are swapped: the outbound token source, and a counting handler on the bot's HttpClients.
/// </summary>
internal sealed class NotifyHost : IAsyncDisposable
{
    private const string AppId = "3b7e2c90-5d1a-4f7b-9c2e-8a4d6f1b0c37";
    private readonly HttpClient _http = new();
    private BotEdges? _edges;
    private ItopSandboxHost? _sandbox;
    private WebApplication? _app;

    private NotifyHost(double pollSeconds) => PollInterval = TimeSpan.FromSeconds(pollSeconds);

    public TimeSpan PollInterval { get; }

    public FakeConnector Sink => _edges!.Sink;

    public ItopConsole Itop { get; private set; } = null!;

    public ItopRequestCounter ItopRequests { get; private set; } = null!;

    public ChangeFeedPoller Poller => _app!.Services.GetRequiredService<ChangeFeedPoller>();

    public NotificationOptions Options => _app!.Services.GetRequiredService<IOptions<NotificationOptions>>().Value;

    private string ServiceUrl => _edges!.ServiceUrl;

    public static async Task<NotifyHost> StartAsync(double pollSeconds)
    {
        var host = new NotifyHost(pollSeconds);
        try
        {
            await host.StartEdgesAsync();
            await host.StartBotAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Posts <c>/ticket abonner {argument}</c> in the channel and waits for the bot's confirmation.</summary>
    public async Task SubscribeAsync(string channelId, string argument)
    {
        var before = Sink.Requests.Count;
        var message = TeamsActivity.Message("/ticket abonner " + argument).Mentioning().From("29:1bench-user", "Hugues Le Moane").Channel(channelId).To(ServiceUrl).Build();
        using var content = new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_app!.Urls.First().TrimEnd('/') + "/api/messages")) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _edges!.Token);
        using var response = await _http.SendAsync(request);
        if ((int)response.StatusCode != 202)
        {
            throw new InvalidOperationException($"/api/messages answered {(int)response.StatusCode}");
        }

        var answer = await WaitForPostsAsync(before, posts => posts.Any(p => p.ConversationId.StartsWith(channelId, StringComparison.Ordinal)), TimeSpan.FromSeconds(20));
        if (!answer.Any(p => p.Text.Contains("abonné", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("Subscription refused: " + string.Join(" | ", answer.Select(p => p.Text)));
        }
    }

    /// <summary>Waits until the poller saved its first cursor, then for the next second (iTop dates are to the second).</summary>
    public async Task WaitForCursorAsync()
    {
        var store = _app!.Services.GetRequiredService<IStateStore>();
        var clock = Stopwatch.StartNew();
        while (await store.GetAsync(ChangeFeedPoller.CursorKey) is null)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("The change-feed poller never started.");
            }

            await Task.Delay(50);
        }

        await Task.Delay(1100);
    }

    /// <summary>The posts received after the first <paramref name="after"/> requests, once <paramref name="done"/> holds.</summary>
    public async Task<IReadOnlyList<SinkPost>> WaitForPostsAsync(int after, Func<IReadOnlyList<SinkPost>, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var requests = Sink.Requests;
            var posts = requests.Skip(after).Select(SinkPost.From).OfType<SinkPost>().ToList();
            if (done(posts))
            {
                return posts;
            }

            var left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Expected posts did not reach the Connector sink within {timeout}.");
            }

            await Sink.WaitForRequestsAsync(requests.Count + 1, left);
        }
    }

    /// <summary>Outbox items still pending, and the outcomes of the finished ones ("delivered", "dropped:…", "failed:…").</summary>
    public async Task<(int Pending, IReadOnlyDictionary<string, int> Outcomes)> OutboxAsync()
    {
        // The outbox's keys (see Outbox): outbox:pending:{order}:{key} until finished, then outbox:done:{key} = outcome.
        var store = _app!.Services.GetRequiredService<IStateStore>();
        var pending = await store.ListAsync("outbox:pending:", int.MaxValue);
        var done = await store.ListAsync("outbox:done:", int.MaxValue);
        return (pending.Count, done.GroupBy(e => e.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _http.Dispose();
        Itop?.Dispose();
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        if (_edges is not null)
        {
            await _edges.DisposeAsync();
        }
    }

    private async Task StartEdgesAsync()
    {
        _edges = await BotEdges.StartAsync("notify", AppId, "amer");
        _sandbox = await ItopSandboxHost.StartAsync(new ItopSandboxOptions { DatabasePath = Path.Combine(_edges.Directory, "itop.db") });
        Itop = new ItopConsole(_sandbox.BaseAddress);
        ItopRequests = new ItopRequestCounter(_sandbox.BaseAddress);
    }

    private async Task StartBotAsync()
    {
        var args = _edges!.BotArgs(_sandbox!.BaseAddress, EmbeddedItop.SandboxToken,
            "--Notifications:PollIntervalSeconds=" + PollInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture));
        _app = await ChatOpsBotApp.BuildAsync(args, builder =>
        {
            builder.Services.AddSingleton<IBotTokenSource>(new StaticTokenSource("loopback-outbound-token"));
            builder.Services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(ItopRequests.CreateHandler));
        });
        await _app.StartAsync();
    }
}
