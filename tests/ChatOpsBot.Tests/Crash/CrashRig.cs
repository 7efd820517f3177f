using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Hosting;
using ChatOpsBot.ItopSandbox;
using ChatOpsBot.Notifications;
using ChatOpsBot.State;
using ChatOpsBot.State.Sqlite;
using ChatOpsBot.Testing;
using ChatOpsBot.Testing.Activities;
using ChatOpsBot.Tests.Infrastructure;

namespace ChatOpsBot.Tests.Crash;

/// <summary>
/// The bot as a real process (<c>dotnet ChatOpsBot.dll</c>) on a SQLite file of the test's, pointed at an iTop sandbox
/// and a Connector sink that live in the test process, so that both outlive the bot when it is killed.
/// </summary>
internal sealed class CrashRig : IAsyncDisposable
{
    public const string MoodleChannel = "19:moodle-channel@thread.tacv2";
    public const string TeamChannel = "19:intervenants-moodle@thread.tacv2";
    private readonly string _directory;
    private readonly SqliteStateStore _state;
    private readonly ItopConsole _console;
    private readonly KillableBot _bot;

    private CrashRig(string directory, ItopSandboxHost sandbox, FakeConnector sink, IDictionary<string, string?> notifications)
    {
        _directory = directory;
        Sandbox = sandbox;
        Sink = sink;
        _console = new ItopConsole(sandbox.BaseAddress);
        var state = "Data Source=" + Path.Combine(directory, "state.db");
        // Not pooled: the test holds no handle on the file across a kill, so the restarted bot recovers the WAL itself.
        _state = new SqliteStateStore(state + ";Pooling=False", TimeProvider.System);
        var settings = new Dictionary<string, string?>(notifications)
        {
            ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
            ["Bot:AllowedServiceUrls:0"] = sink.BaseAddress.ToString(),
            ["State:Provider"] = "Sqlite",
            ["State:ConnectionString"] = state,
            ["Itop:BaseUrl"] = sandbox.BaseAddress.ToString(),
            ["Itop:Token"] = EmbeddedItop.SandboxToken,
            [SeedRoles.GroupDeskSetting.Key] = SeedRoles.GroupDeskSetting.Value,
            ["Notifications:PollIntervalSeconds"] = "0.2",
            // The killed instance cannot release its lease: the restarted one takes it over when it lapses.
            ["Notifications:LeaseDuration"] = "00:00:03",
            // The daily digest runs on the real clock (08:30-12:00 Paris, working days): its card would be one more new
            // post in the subscribed channels, which the fan-out checks count.
            ["Digest:Enabled"] = "false",
        };
        _bot = new KillableBot(settings);
    }

    public static IReadOnlyList<string> Channels { get; } = [MoodleChannel, TeamChannel];

    public ItopSandboxHost Sandbox { get; }

    public FakeConnector Sink { get; }

    /// <summary>What every bot process of this rig printed so far (for failure messages).</summary>
    public string Output => _bot.Output;

    public static async Task<CrashRig> StartAsync(IDictionary<string, string?> notifications)
    {
        var directory = Directory.CreateTempSubdirectory("chatopsbot-crash-").FullName;
        var sandbox = await ItopSandboxHost.StartAsync(new ItopSandboxOptions());
        var sink = await FakeConnector.StartScriptedAsync();
        var rig = new CrashRig(directory, sandbox, sink, notifications);
        await rig.StartBotAsync();
        return rig;
    }

    public Task StartBotAsync() => _bot.StartAsync();

    /// <summary>SIGKILL: the bot gets no chance to finish a send, record it or release its lease.</summary>
    public async Task KillBotAsync()
    {
        await _bot.KillAsync();
        Assert.True(File.Exists(Path.Combine(_directory, "state.db-wal")), "the killed bot leaves its SQLite WAL for the next start to recover");
    }

    /// <summary><c>/ticket abonner OpenMoodle</c> typed in the channel; waits for the bot's confirmation.</summary>
    public async Task SubscribeToOpenMoodleAsync(string channelId)
    {
        using var client = _bot.Process.CreateClient();
        var activity = TeamsActivity.Message("/ticket abonner OpenMoodle").Mentioning().Channel(channelId).To(Sink.BaseAddress).Build();
        Assert.Equal(HttpStatusCode.Accepted, (await ActivityPost.SendAsync(client, activity)).StatusCode);
        var confirmed = await WaitUntilAsync(() => Sink.Requests.Any(r => IsConfirmation(r, channelId)), TimeSpan.FromSeconds(30));
        Assert.True(confirmed, "no subscription confirmation in " + channelId + "\n" + Output);
    }

    /// <summary>Waits for the poller's first cursor, then for the clock to leave its second (iTop dates are to the second).</summary>
    public async Task WaitForCursorAsync()
    {
        StateEntry? cursor = null;
        Assert.True(await WaitUntilAsync(async () => (cursor = await _state.GetAsync(ChangeFeedPoller.CursorKey)) is not null, TimeSpan.FromSeconds(30)), "the poller never started\n" + Output);
        var at = DateTimeOffset.Parse(cursor!.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        var nextSecond = new DateTimeOffset(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), at.Offset).AddSeconds(1);
        Assert.True(await WaitUntilAsync(() => DateTimeOffset.UtcNow > nextSecond, TimeSpan.FromSeconds(5)));
    }

    /// <summary>"From the iTop console": a UserRequest of the brique OpenMoodle created as rest-admin, not through the bot.</summary>
    public Task<(int Id, string Ref)> ConsoleCreateTicketAsync(string title) => _console.CreateTicketAsync(title);

    /// <summary>The console assigns the ticket to Hugues Le Moane (team Intervenants Moodle).</summary>
    public Task ConsoleAssignAsync(int id) => _console.StimulusAsync(id, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 5 });

    /// <summary>What the outbox still holds, read from the bot's SQLite file.</summary>
    public Task<IReadOnlyList<StateEntry>> PendingOutboxAsync() => _state.ListAsync("outbox:pending:");

    public static Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout);

    /// <summary>Checks <paramref name="condition"/> every 50 ms until it holds (true) or the time is up (false).</summary>
    public static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        _state.Dispose();
        _console.Dispose();
        await Sink.DisposeAsync();
        await Sandbox.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold a file for a moment: the temp folder is left behind, harmless.
        }
    }

    private static bool IsConfirmation(RecordedRequest request, string channelId)
    {
        var text = JsonNode.Parse(request.Body)?["text"]?.GetValue<string>() ?? string.Empty;
        return NotificationPost.Of(request).ConversationId.StartsWith(channelId, StringComparison.Ordinal)
            && text.Contains("abonné à", StringComparison.Ordinal)
            && text.Contains("OpenMoodle", StringComparison.Ordinal);
    }
}
