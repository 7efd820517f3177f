using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.ItopSandbox;
using ChatOpsBot.Protocol;
using ChatOpsBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Bot.Testing;

/// <summary>
/// The iTop sandbox, a loopback Teams connector and one or more bot instances (real /api/messages, notifications on)
/// sharing one state store: SQLite in a temp file, or the PostgreSQL database given.
/// </summary>
public sealed class NotificationTestHost : IAsyncDisposable
{
    public const string ChannelId = "19:moodle-channel@thread.tacv2";
    public const string SchoolChannelId = "19:lyon-support@thread.tacv2";
    private readonly string _directory;
    private readonly Dictionary<string, string?> _settings;
    private readonly HttpClient _http = new();
    private readonly List<LoopbackApp?> _bots = [];

    private NotificationTestHost(string directory, ItopSandboxHost sandbox, TimeProvider itopClock, FakeConnector teams, Dictionary<string, string?> settings)
    {
        _directory = directory;
        Sandbox = sandbox;
        ItopClock = itopClock;
        Console = new ItopConsole(sandbox.BaseAddress);
        Teams = teams;
        _settings = settings;
    }

    public ItopSandboxHost Sandbox { get; }

    /// <summary>The sandbox iTop's clock (a <see cref="SteppedClock"/> unless the test gave its own).</summary>
    public TimeProvider ItopClock { get; }

    /// <summary>Changes made in iTop directly, as a console user.</summary>
    public ItopConsole Console { get; }

    public FakeConnector Teams { get; }

    public ListLoggerProvider Logs { get; } = new();

    public IReadOnlyDictionary<string, string?> Settings => _settings;

    /// <summary>Extra service registrations for the instances started from now on (e.g. a request counter).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>Registers the daily digest in the instances started from now on.</summary>
    public bool WithDigest { get; set; }

    /// <param name="itopClock">The sandbox iTop's clock (dates of moves and case-log entries); null: a <see cref="SteppedClock"/>.</param>
    public static async Task<NotificationTestHost> StartAsync(IDictionary<string, string?>? extra = null, string? postgres = null, bool startBot = true, TimeProvider? itopClock = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "chatopsbot-notify-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        itopClock ??= new SteppedClock();
        var sandbox = await ItopSandboxHost.StartAsync(new ItopSandboxOptions { DatabasePath = Path.Combine(directory, "itop.db"), TimeProvider = itopClock });
        var teams = await FakeConnector.StartAsync();
        foreach (var user in TestUsers.All)
        {
            teams.AddMember(user.TeamsId, user.Name, user.Email);
        }

        var settings = BotTestSettings.For(teams, sandbox, postgres is null ? "Sqlite" : "Postgres", postgres ?? "Data Source=" + Path.Combine(directory, "state.db"));
        settings["Notifications:PollIntervalSeconds"] = "0.2";
        settings["Notifications:LeaseDuration"] = "00:00:03";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var host = new NotificationTestHost(directory, sandbox, itopClock, teams, settings);
        if (startBot)
        {
            await host.StartBotAsync();
        }

        return host;
    }

    /// <summary>Starts one more bot instance on the shared state; returns its index.</summary>
    public async Task<int> StartBotAsync()
    {
        var app = await LoopbackHost.StartAsync(
            builder => BotComposition.Add(builder, Logs, notifications: true, ConfigureServices, WithDigest),
            app => app.MapBotMessages(),
            _settings);
        _bots.Add(app);
        return _bots.Count - 1;
    }

    /// <summary>Stops one instance (graceful: the host stops its hosted services).</summary>
    public async Task StopBotAsync(int index)
    {
        if (_bots[index] is { } app)
        {
            _bots[index] = null;
            await app.DisposeAsync();
        }
    }

    public T Service<T>(int index = 0)
        where T : notnull => _bots[index]!.Services.GetRequiredService<T>();

    public async Task PostAsync(JsonObject activity, int index = 0)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(_bots[index]!.BaseAddress, "api/messages"), content);
        Assert.Equal(202, (int)response.StatusCode);
    }

    /// <summary>A message typed in a channel (the bot mentioned), as Teams sends it.</summary>
    public JsonObject ChannelMessage(string text, string channelId = ChannelId, TestUser? user = null) =>
        TeamsActivity.Message(text).Mentioning().From(user ?? TestUsers.Hugues).Channel(channelId).To(Teams.BaseAddress).Build();

    /// <summary>A message in the user's personal chat.</summary>
    public JsonObject PersonalMessage(TestUser user, string text) =>
        TeamsActivity.Message(text).From(user).WithoutAadObjectId().To(Teams.BaseAddress).Build();

    /// <summary>Clicks an Action.Execute (adaptiveCard/action invoke) on instance <paramref name="index"/>; returns the invoke body.</summary>
    public async Task<JsonObject> InvokeAsync(TestUser user, string replyToId, string verb, JsonObject data, int index)
    {
        var activity = TeamsActivity.CardAction(verb, data).From(user).WithoutAadObjectId().ReplyTo(replyToId).To(Teams.BaseAddress).Build();
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(_bots[index]!.BaseAddress, "api/messages"), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Subscribes a channel (as <paramref name="user"/>, default Hugues) and waits for the bot's confirmation.</summary>
    public async Task SubscribeAsync(string argument, string channelId = ChannelId, int index = 0, TestUser? user = null)
    {
        var before = Teams.Sent.Count;
        await PostAsync(ChannelMessage("/ticket abonner " + argument, channelId, user), index);
        var answer = await Teams.WaitForAsync(s => s.ConversationId.StartsWith(channelId, StringComparison.Ordinal) && s.Text is not null, before);
        Assert.Contains("abonné", answer.Text, StringComparison.Ordinal);
    }

    /// <summary>"From the iTop console": a UserRequest created with the rest-admin account, not through the bot.</summary>
    public Task<(int Id, string Ref)> ConsoleCreateTicketAsync(string title, string service = "Droits Moodle", string org = "INSA Lyon") =>
        Console.CreateTicketAsync(title, service, org);

    public Task<JsonObject> ConsoleStimulusAsync(int id, string stimulus, JsonObject fields) => Console.StimulusAsync(id, stimulus, fields);

    public Task<JsonObject> ConsoleUpdateAsync(int id, JsonObject fields) => Console.UpdateAsync(id, fields);

    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < _bots.Count; i++)
        {
            await StopBotAsync(i);
        }

        _http.Dispose();
        Console.Dispose();
        await Teams.DisposeAsync();
        await Sandbox.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment.
        }
    }

    /// <summary>Waits until instance <paramref name="index"/>'s change feed has its cursor, then past the cursor's second.</summary>
    public async Task WaitForCursorAsync(int index = 0)
    {
        var store = Service<ChatOpsBot.State.IStateStore>(index);
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (await store.GetAsync(ChatOpsBot.Notifications.ChangeFeedPoller.CursorKey) is null)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), "the poller never started");
            await Task.Delay(50);
        }

        // iTop stores dates to the second: make sure what follows is after the cursor's second.
        await NextSecondAsync();
    }

    /// <summary>
    /// Makes iTop's next dates fall in a later second than its last ones (iTop dates to the second): on the sandbox, steps
    /// its <see cref="SteppedClock"/>; on the real iTop (the bot's <c>Itop:BaseUrl</c> set elsewhere) or a clock of the
    /// test's own, waits the second out.
    /// </summary>
    public async Task NextSecondAsync()
    {
        if (ItopClock is SteppedClock clock && _settings["Itop:BaseUrl"] == Sandbox.BaseAddress.ToString())
        {
            clock.NextSecond();
            return;
        }

        await Task.Delay(1100);
    }

    /// <summary>
    /// <paramref name="user"/> writes to the bot in their personal chat (which links it to their iTop person), then the
    /// change feed has its cursor: from then on, what the iTop console does can reach them personally.
    /// </summary>
    public async Task LinkPersonalChatAsync(TestUser user)
    {
        await PostAsync(PersonalMessage(user, "/tickets"));
        await WaitForReferenceAsync(user.ConversationId, r => r?.PersonId == user.PersonId);
        await WaitForCursorAsync();
    }

    /// <summary>Waits until the conversation's reference (written in the background by each activity) matches.</summary>
    public async Task<ChatOpsBot.Bot.Chats.LinkedReference?> WaitForReferenceAsync(string conversationId, Func<ChatOpsBot.Bot.Chats.LinkedReference?, bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await using var scope = Service<IServiceScopeFactory>().CreateAsyncScope();
            var found = await scope.ServiceProvider.GetRequiredService<ChatOpsBot.Bot.Chats.ConversationReferenceStore>().GetAsync(conversationId, CancellationToken.None);
            if (condition(found))
            {
                return found;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "reference of " + conversationId + " never matched: " + found);
            await Task.Delay(50);
        }
    }
}
