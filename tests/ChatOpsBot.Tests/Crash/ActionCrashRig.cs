using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Hosting;
using ChatOpsBot.ItopSandbox;
using ChatOpsBot.State;
using ChatOpsBot.State.Sqlite;
using ChatOpsBot.Testing;
using ChatOpsBot.Testing.Activities;

namespace ChatOpsBot.Tests.Crash;

/// <summary>A Teams user of the crash tests, in their personal chat with the bot.</summary>
internal sealed record CrashUser(string TeamsId, string Name, string Email)
{
    public string ConversationId => "a:conv-" + TeamsId[3..];
}

/// <summary>
/// Issue 12: the bot as its own process (<c>dotnet ChatOpsBot.dll</c>) on a SQLite file, talking to the iTop sandbox through
/// an <see cref="ItopProxy"/> (which can hold a call before or after iTop, so that the bot is killed at that point) and to a
/// loopback Connector that knows the users' e-mails and gives every posted message its own id. Sandbox, proxy and Connector
/// live in the test process and outlive the bot when it is killed.
/// </summary>
internal sealed class ActionCrashRig : IAsyncDisposable
{
    public static readonly CrashUser Opener = new("29:lyon", "Support INSA Lyon", "support@insa-lyon.fr");
    public static readonly CrashUser Helene = new("29:helene", "Hélène Dechelette", "helene.dechelette@insa-lyon.fr");
    public static readonly CrashUser Eloise = new("29:eloise", "Eloise Joyeux", "eloise.joyeux@insa-lyon.fr");
    private static readonly CrashUser[] Users = [Opener, Helene, Eloise];
    private readonly string _directory;
    private readonly SqliteStateStore _state;
    private readonly Dictionary<RecordedRequest, string> _postedIds = new(ReferenceEqualityComparer.Instance);
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private int _nextId;
    private readonly KillableBot _bot;

    private ActionCrashRig(string directory, ItopSandboxHost sandbox, ItopProxy itop, FakeConnector teams)
    {
        _directory = directory;
        Sandbox = sandbox;
        Itop = itop;
        Teams = teams;
        Console = new ItopConsole(sandbox.BaseAddress);
        teams.Responder = Answer;
        var state = "Data Source=" + Path.Combine(directory, "state.db");
        _state = new SqliteStateStore(state + ";Pooling=False", TimeProvider.System);
        _bot = new KillableBot(new Dictionary<string, string?>
        {
            ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
            ["Bot:AllowedServiceUrls:0"] = teams.BaseAddress.ToString(),
            ["Bot:ConnectorMaxRetries"] = "0",
            ["State:Provider"] = "Sqlite",
            ["State:ConnectionString"] = state,
            ["Itop:BaseUrl"] = itop.BaseAddress.ToString(),
            ["Itop:Token"] = EmbeddedItop.SandboxToken,
            ["Itop:Timeout"] = "00:00:10",
            ["Notifications:Enabled"] = "false",
            ["Roles:ApproverEmails:0"] = Helene.Email,
            ["Roles:ApproverEmails:1"] = Eloise.Email,
            [SeedRoles.GroupDeskSetting.Key] = SeedRoles.GroupDeskSetting.Value,
            // A killed instance is known dead 2 s after its last heartbeat; unfinished work is looked at 5 times a second.
            ["Recovery:HeartbeatTimeout"] = "00:00:02",
            ["Recovery:ScanInterval"] = "00:00:00.200",
        });
    }

    public ItopSandboxHost Sandbox { get; }

    public ItopProxy Itop { get; }

    public FakeConnector Teams { get; }

    /// <summary>iTop as its console users see it.</summary>
    public ItopConsole Console { get; }

    public string Output => _bot.Output;

    /// <param name="overrides">Settings of the first start (e.g. the notifications turned on).</param>
    public static async Task<ActionCrashRig> StartAsync(IDictionary<string, string?>? overrides = null)
    {
        var directory = Directory.CreateTempSubdirectory("chatopsbot-action-crash-").FullName;
        var sandbox = await ItopSandboxHost.StartAsync(new ItopSandboxOptions());
        var itop = await ItopProxy.StartAsync(sandbox.BaseAddress);
        var teams = await FakeConnector.StartScriptedAsync();
        var rig = new ActionCrashRig(directory, sandbox, itop, teams);
        await rig.StartBotAsync(overrides);
        return rig;
    }

    /// <param name="overrides">Settings changed for this start only (e.g. a background that never runs).</param>
    public Task StartBotAsync(IDictionary<string, string?>? overrides = null) => _bot.StartAsync(overrides);

    /// <summary>SIGKILL: nothing is finished, recorded or released.</summary>
    public Task KillBotAsync() => _bot.KillAsync();

    /// <summary>The app installed in the user's personal chat: the bot links the chat to their iTop person and says hello.</summary>
    public async Task InstallAsync(CrashUser user)
    {
        var before = Teams.Requests.Count;
        await PostAsync(Activity(user, TeamsActivity.Install()));
        await WaitForPostAsync(user, before, _ => true);
    }

    /// <summary>A typed message; returns the card the bot answered with (and the id the Connector gave it).</summary>
    public async Task<(JsonObject Card, string Id)> SendForCardAsync(CrashUser user, string text)
    {
        var before = Teams.Requests.Count;
        await PostAsync(Activity(user, TeamsActivity.Message(text)));
        return await WaitForPostAsync(user, before, _ => true);
    }

    /// <summary>
    /// Clicks an Action.Execute of a card (its data merged with <paramref name="inputs"/>): the HTTP call of the invoke, which
    /// stays pending while a call to iTop is held and fails when the bot is killed.
    /// </summary>
    public Task<HttpResponseMessage> ClickAsync(CrashUser user, (JsonObject Card, string Id) message, string verb, IDictionary<string, string>? inputs = null)
    {
        var data = FindActionData(message.Card, verb) ?? throw new InvalidOperationException("No action " + verb + " in " + message.Card.ToJsonString());
        foreach (var (key, value) in inputs ?? new Dictionary<string, string>())
        {
            data[key] = value;
        }

        return PostAsync(Activity(user, TeamsActivity.CardAction(verb, data).ReplyTo(message.Id)));
    }

    /// <summary>Waits until the bot posts, in the user's chat after request <paramref name="after"/>, a card <paramref name="match"/> accepts.</summary>
    public async Task<(JsonObject Card, string Id)> WaitForPostAsync(CrashUser user, int after, Func<JsonObject, bool> match, TimeSpan? timeout = null)
    {
        List<(JsonObject Card, string Id)> found = [];
        Assert.True(await CrashRig.WaitUntilAsync(() => (found = [.. Posted(user, after).Where(p => match(p.Card))]).Count > 0, timeout ?? TimeSpan.FromSeconds(60)),
            "no such card in " + user.ConversationId + "\n" + Output);
        return found[0];
    }

    /// <summary>Waits until the bot replaces the message <paramref name="activityId"/> with a card <paramref name="match"/> accepts.</summary>
    public async Task<JsonObject> WaitForUpdateAsync(string activityId, Func<JsonObject, bool> match, TimeSpan? timeout = null)
    {
        JsonObject? card = null;
        Assert.True(await CrashRig.WaitUntilAsync(() => (card = Updates(activityId).LastOrDefault(match)) is not null, timeout ?? TimeSpan.FromSeconds(60)),
            "message " + activityId + " was not updated as expected; updates: " + string.Join(" | ", Updates(activityId).Select(Text)) + "\n" + Output);
        return card!;
    }

    /// <summary>The cards the bot posted as new messages in the user's chat, after request <paramref name="after"/>.</summary>
    public IReadOnlyList<(JsonObject Card, string Id)> Posted(CrashUser user, int after = 0)
    {
        var found = new List<(JsonObject Card, string Id)>();
        foreach (var request in Teams.Requests.Skip(after).Where(r => r.Method == "POST" && NotificationPost.Of(r).ConversationId == user.ConversationId))
        {
            string? id;
            lock (_postedIds)
            {
                _postedIds.TryGetValue(request, out id);
            }

            if (id is not null && CardOf(request) is { } card)
            {
                found.Add((card, id));
            }
        }

        return found;
    }

    /// <summary>The outbox's record of the items delivered (or given up), by key prefix.</summary>
    public Task<IReadOnlyList<StateEntry>> DeliveredAsync(string keyPrefix) => _state.ListAsync("outbox:done:" + keyPrefix);

    /// <summary>One entry of the bot's state (e.g. the change feed's cursor), read from its SQLite file.</summary>
    public Task<StateEntry?> StateAsync(string key) => _state.GetAsync(key);

    /// <summary>The cards put in message <paramref name="activityId"/> by updates, in order.</summary>
    public IReadOnlyList<JsonObject> Updates(string activityId) =>
        [.. Teams.Requests.Where(r => r.Method == "PUT" && NotificationPost.Of(r).ActivityId == activityId).Select(CardOf).OfType<JsonObject>()];

    /// <summary>The text messages the bot sent in the user's chat.</summary>
    public IReadOnlyList<string> Texts(CrashUser user) =>
        [.. Teams.Requests.Where(r => r.Method == "POST" && NotificationPost.Of(r).ConversationId == user.ConversationId)
            .Select(r => JsonNode.Parse(r.Body)?["text"]?.GetValue<string>()).OfType<string>()];

    public async Task<JsonObject> TicketAsync(int id) =>
        (await Console.CallAsync(new JsonObject { ["operation"] = "core/get", ["class"] = "UserRequest", ["key"] = id, ["output_fields"] = "ref,title,status,approver_id,public_log,private_log" }))
        ["objects"]!.AsObject().Single().Value!["fields"]!.AsObject();

    public async Task<IReadOnlyList<int>> TicketIdsAsync()
    {
        var objects = (await Console.CallAsync(new JsonObject { ["operation"] = "core/get", ["class"] = "UserRequest", ["key"] = "SELECT UserRequest", ["output_fields"] = "ref" }))["objects"];
        return objects is JsonObject map ? [.. map.Select(o => int.Parse(o.Value!["key"]!.ToString(), CultureInfo.InvariantCulture))] : [];
    }

    /// <summary>All the text of a card (for "contains" checks).</summary>
    public static string Text(JsonObject card) => card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static bool HasVerb(JsonObject card, string verb) => FindActionData(card, verb) is not null;

    /// <summary>The value of a card's fact (FactSet) titled <paramref name="title"/>, if any.</summary>
    public static string? Fact(JsonNode? node, string title) => node switch
    {
        JsonObject o when o["title"]?.GetValue<string>() == title && o["value"] is JsonValue v => v.GetValue<string>(),
        JsonObject o => o.Select(p => Fact(p.Value, title)).FirstOrDefault(f => f is not null),
        JsonArray a => a.Select(n => Fact(n, title)).FirstOrDefault(f => f is not null),
        _ => null,
    };

    /// <summary>The text of an invoke's answer: its card's, or its message.</summary>
    public static async Task<string> AnswerAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var value = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"];
        return value is JsonObject card ? Text(card) : value?.GetValue<string>() ?? string.Empty;
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        _http.Dispose();
        _state.Dispose();
        Console.Dispose();
        await Teams.DisposeAsync();
        await Itop.DisposeAsync();
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

    private SinkResponse? Answer(RecordedRequest request)
    {
        var path = request.RawTarget;
        var member = Users.FirstOrDefault(u => request.Method == "GET" && path.Contains("/members/" + Uri.EscapeDataString(u.TeamsId), StringComparison.Ordinal));
        if (member is not null)
        {
            var body = new JsonObject { ["id"] = member.TeamsId, ["name"] = member.Name, ["email"] = member.Email, ["userPrincipalName"] = member.Email, ["aadObjectId"] = Guid.NewGuid().ToString() };
            return new SinkResponse(200, body.ToJsonString());
        }

        if (request.Method == "POST" && path.Contains("/activities", StringComparison.Ordinal))
        {
            var id = "msg-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
            lock (_postedIds)
            {
                _postedIds[request] = id;
            }

            return SinkResponse.Created(id);
        }

        return request.Method == "PUT" ? new SinkResponse(200, "{\"id\":\"updated\"}") : null;
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        return await _http.PostAsync(new Uri(_bot.Process.BaseAddress!, "api/messages"), content);
    }

    private JsonObject Activity(CrashUser user, TeamsActivity kind) =>
        kind.From(user.TeamsId, user.Name).Personal(user.ConversationId).To(Teams.BaseAddress).Build();

    private static JsonObject? CardOf(RecordedRequest request) =>
        request.Body.Length == 0 ? null : JsonNode.Parse(request.Body)?["attachments"]?[0]?["content"] as JsonObject;

    private static JsonObject? FindActionData(JsonNode? node, string verb) => node switch
    {
        JsonObject o when o["verb"]?.GetValue<string>() == verb && o["data"] is JsonObject data => data.DeepClone().AsObject(),
        JsonObject o => o.Select(p => FindActionData(p.Value, verb)).FirstOrDefault(d => d is not null),
        JsonArray a => a.Select(n => FindActionData(n, verb)).FirstOrDefault(d => d is not null),
        _ => null,
    };
}
