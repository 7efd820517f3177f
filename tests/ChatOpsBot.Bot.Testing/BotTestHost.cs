using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.ItopSandbox;
using ChatOpsBot.Protocol;
using ChatOpsBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace ChatOpsBot.Bot.Testing;

/// <summary>
/// The whole bot on 127.0.0.1:0 (real /api/messages, real SQLite state in a temp file, the real iTop adapter) talking
/// to an in-process iTop sandbox (temp SQLite file) and to a loopback Teams connector.
/// </summary>
public sealed class BotTestHost : IAsyncDisposable
{
    private readonly string _directory;
    private LoopbackApp? _bot;
    private Dictionary<string, string?> _settings = [];
    private readonly List<JsonObject> _answeredCards = [];
    private Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? _configureServices;

    private BotTestHost(string directory, ItopSandboxHost sandbox, FakeConnector teams)
    {
        _directory = directory;
        Sandbox = sandbox;
        Teams = teams;
        Itop = new ItopReader(sandbox);
    }

    public ItopSandboxHost Sandbox { get; }

    public FakeConnector Teams { get; }

    public ItopReader Itop { get; }

    public HttpClient Http { get; } = new();

    public ListLoggerProvider Logs { get; } = new();

    public Uri BotAddress => _bot!.BaseAddress;

    /// <summary>The running bot's services (e.g. to drive a hosted service directly).</summary>
    public IServiceProvider Services => _bot!.Services;

    /// <summary>A setting value replaced by the loopback Teams connector's address (e.g. a channel's serviceUrl).</summary>
    public const string TeamsAddressPlaceholder = "{teams}";

    /// <param name="extraSettings">Configuration added to (or overriding) the defaults.</param>
    /// <param name="configureServices">Runs after the bot's registrations (e.g. a FakeTimeProvider).</param>
    /// <param name="seedAdditions">Named additions to the sandbox's seed (e.g. "c2ip").</param>
    public static async Task<BotTestHost> StartAsync(
        IDictionary<string, string?>? extraSettings = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configureServices = null,
        params string[] seedAdditions)
    {
        var directory = Path.Combine(Path.GetTempPath(), "chatopsbot-bot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var sandboxOptions = new ItopSandboxOptions { DatabasePath = Path.Combine(directory, "itop.db") };
        foreach (var addition in seedAdditions)
        {
            sandboxOptions.SeedAdditions.Add(addition);
        }

        var sandbox = await ItopSandboxHost.StartAsync(sandboxOptions);
        var teams = await FakeConnector.StartAsync();
        foreach (var user in TestUsers.All)
        {
            teams.AddMember(user.TeamsId, user.Name, user.Email);
        }

        var host = new BotTestHost(directory, sandbox, teams);
        var settings = BotTestSettings.For(teams, sandbox, "Sqlite", "Data Source=" + Path.Combine(directory, "state.db"));
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value == TeamsAddressPlaceholder ? teams.BaseAddress.ToString() : value;
        }

        host._settings = settings;
        host._configureServices = configureServices;
        await host.StartBotAsync();
        return host;
    }

    /// <summary>Posts a message; the answer comes later through <see cref="Teams"/> (202 now).</summary>
    public async Task<int> SendAsync(TestUser user, string text, string locale = "fr-FR")
    {
        var before = Teams.Sent.Count;
        using var response = await PostAsync(TeamsActivity.Message(text).From(user).Locale(locale).To(Teams.BaseAddress).Build());
        Assert.Equal(202, (int)response.StatusCode);
        return before;
    }

    /// <summary>Installs the bot in a team (from its channel) and waits for the welcome card posted there.</summary>
    public async Task InstallInChannelAsync(string channelId, string teamId, TestUser? installer = null)
    {
        var before = Teams.Sent.Count;
        using var response = await PostAsync(TeamsActivity.Install().From(installer ?? TestUsers.Nathalie).Channel(channelId, teamId, thread: false).To(Teams.BaseAddress).Build());
        Assert.Equal(202, (int)response.StatusCode);
        await Teams.WaitForCardAsync(before, channelId);
    }

    /// <summary>Installs the app in the user's personal scope and waits for the welcome card posted in their chat.</summary>
    public async Task InstallInPersonalChatAsync(TestUser user, string locale = "fr-FR")
    {
        var before = Teams.Sent.Count;
        using var response = await PostAsync(TeamsActivity.Install().From(user).Locale(locale).To(Teams.BaseAddress).Build());
        Assert.Equal(202, (int)response.StatusCode);
        await Teams.WaitForCardAsync(before, user.ConversationId);
    }

    /// <summary>Posts a message and waits for the card the bot answers with.</summary>
    public async Task<SentActivity> SendForCardAsync(TestUser user, string text, string locale = "fr-FR")
    {
        var turn = "Turn: " + user.Name + ", ";
        var turnsBefore = Logs.Lines.Count(l => l.Contains(turn, StringComparison.Ordinal));
        var before = await SendAsync(user, text, locale);
        try
        {
            var card = await Teams.WaitForCardAsync(before, user.ConversationId);

            // The turn ends after the card is posted (the form's draft records the card's id): a person clicks after that.
            await Logs.WaitForCountAsync(turn, turnsBefore + 1);
            return card;
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(ex.Message + "\nBot log:\n" + string.Join("\n", Logs.Lines), ex);
        }
    }

    /// <summary>Clicks an Action.Execute of a card (its data merged with <paramref name="inputs"/>) and returns the invoke response body.</summary>
    public async Task<InvokeResult> ClickAsync(TestUser user, SentActivity message, JsonObject card, string verb, IDictionary<string, string>? inputs = null, string locale = "fr-FR")
    {
        var data = CardJson.FindActionData(card, verb) ?? throw new InvalidOperationException("No action " + verb + " in the card: " + card.ToJsonString());
        return await InvokeAsync(user, message.Id, verb, Merge(data, inputs), locale);
    }

    /// <summary>Sends an Action.Submit (the fallback) and returns how many activities were recorded before.</summary>
    public async Task<int> SubmitAsync(TestUser user, string replyToId, JsonObject value, string locale = "fr-FR")
    {
        var before = Teams.Sent.Count;
        using var response = await PostAsync(TeamsActivity.Submit(value).From(user).ReplyTo(replyToId).Locale(locale).To(Teams.BaseAddress).Build());
        Assert.Equal(202, (int)response.StatusCode);
        return before;
    }

    /// <summary>Sends an adaptiveCard/action invoke with whatever data (tampering tests).</summary>
    public async Task<InvokeResult> InvokeAsync(TestUser user, string replyToId, string verb, JsonObject data, string locale = "fr-FR")
    {
        var before = Teams.Sent.Count;
        using var response = await PostAsync(TeamsActivity.CardAction(verb, data).From(user).ReplyTo(replyToId).Locale(locale).To(Teams.BaseAddress).Build());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"invoke {verb} → {(int)response.StatusCode} {body}\nBot log:\n" + string.Join("\n", Logs.Lines));
        var json = JsonNode.Parse(body)!.AsObject();
        var result = new InvokeResult(json, Teams.Sent.Skip(before).ToList());
        if (result.Type == "application/vnd.microsoft.card.adaptive")
        {
            lock (_answeredCards)
            {
                _answeredCards.Add(result.Card);
            }
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        await Teams.DisposeAsync();
        await Sandbox.DisposeAsync();
        Itop.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>Every card the bot sent to Teams or answered an invoke with: schema-valid and under 100 KB.</summary>
    public void AssertAllCardsValid()
    {
        List<JsonObject> cards;
        lock (_answeredCards)
        {
            cards = [.. _answeredCards];
        }

        cards.AddRange(Teams.Sent.Where(s => s.Card is not null).Select(s => s.Card!));
        Assert.NotEmpty(cards);
        foreach (var card in cards)
        {
            CardSchema.AssertValid(card);
        }
    }

    /// <summary>The bot's own Connector client for the loopback Teams.</summary>
    public ChatOpsBot.Protocol.Connector.IConnectorClient CreateConnector() =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<ChatOpsBot.Protocol.Connector.IConnectorClientFactory>(_bot!.Services)
            .Create(Teams.BaseAddress.ToString());

    /// <summary>Stops the bot and starts a new one on the same state database ("the bot restarts").</summary>
    public async Task RestartBotAsync()
    {
        await _bot!.DisposeAsync();
        await StartBotAsync();
    }

    private async Task StartBotAsync()
    {
        _bot = await LoopbackHost.StartAsync(
            builder => BotComposition.Add(builder, Logs, notifications: false, _configureServices),
            app => app.MapBotMessages(),
            _settings);
    }

    /// <summary>Posts any activity (e.g. a message-extension invoke) and returns the HTTP status and the JSON body, if any.</summary>
    public async Task<(int Status, JsonObject? Body)> PostActivityAsync(JsonObject activity)
    {
        using var response = await PostAsync(activity);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text)?.AsObject());
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        return await Http.PostAsync(new Uri(BotAddress, "api/messages"), content);
    }

    private static JsonObject Merge(JsonObject data, IDictionary<string, string>? inputs)
    {
        var merged = data.DeepClone().AsObject();
        foreach (var (key, value) in inputs ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }

        return merged;
    }
}
