using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Routing;
using ChatOpsBot.Protocol;
using ChatOpsBot.Protocol.Authentication;
using ChatOpsBot.Protocol.Schema;
using ChatOpsBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Benchmarks.Pipeline;

/// <summary>
/// The inbound pipeline's CPU work for one activity: parse the body, authenticate the bearer token with a cached
/// key, route the text to a command, serialize the reply. Run with
/// <c>dotnet run -c Release --project tests/ChatOpsBot.Benchmarks -- --filter *InboundPipeline*</c>.
/// </summary>
[MemoryDiagnoser]
public class InboundPipelineBenchmarks
{
    private const string AppId = "6c1f4a57-4a3e-4c49-9d6a-1f0c6f1d2e3a";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private TestSigningKey _key = null!;
    private OpenIdServer _openId = null!;
    private ServiceProvider _services = null!;
    private BotAuthenticator _authenticator = null!;
    private byte[] _body = null!;
    private string _authorization = null!;
    private Activity _activity = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = new TestSigningKey("bench-key", "msteams");
        _openId = OpenIdServer.StartAsync(TokenMinter.BotFrameworkIssuer, _key).GetAwaiter().GetResult();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = AppId,
            ["Bot:OpenIdMetadataUrl"] = _openId.MetadataUrl,
        }).Build();
        _services = new ServiceCollection().AddLogging().AddBotProtocol(configuration).BuildServiceProvider();
        _authenticator = _services.GetRequiredService<BotAuthenticator>();
        _authorization = "Bearer " + TokenMinter.Sign(_key, TokenMinter.BotFrameworkClaims(AppId, ServiceUrl, DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromHours(2)));
        var recorded = File.ReadAllText(Path.Combine(TestData.TeamsRecordings, "20191020020553704-request-integrationBot.json"));
        var body = JsonDocument.Parse(recorded).RootElement.GetProperty("body").GetRawText()
            .Replace("https://smba.trafficmanager.net/amer/", ServiceUrl, StringComparison.Ordinal);
        _body = Encoding.UTF8.GetBytes(body);
        _activity = Parse();
        Authenticate(); // warms the key cache: the benchmark measures the cached path
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _openId.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _key.Dispose();
    }

    [Benchmark]
    public Activity Parse() => JsonSerializer.Deserialize<Activity>(_body, ProtocolJson.Options)!;

    [Benchmark]
    public string? Authenticate()
    {
        var auth = _authenticator.AuthenticateAsync(_authorization, CancellationToken.None).GetAwaiter().GetResult();
        return auth.Succeeded ? BotAuthenticator.Authorize(auth, _activity.ChannelId, _activity.ServiceUrl) : auth.Failure;
    }

    [Benchmark]
    public BotCommand Route() => CommandParser.Parse(_activity.GetTextWithoutMentions());

    [Benchmark]
    public byte[] SerializeReply() =>
        JsonSerializer.SerializeToUtf8Bytes(_activity.CreateReply(BotText.Help(BotCulture.FromLocale(_activity.Locale))), ProtocolJson.Options);

    [Benchmark(Baseline = true)]
    public byte[] WholePipeline()
    {
        var activity = Parse();
        var auth = _authenticator.AuthenticateAsync(_authorization, CancellationToken.None).GetAwaiter().GetResult();
        _ = BotAuthenticator.Authorize(auth, activity.ChannelId, activity.ServiceUrl);
        _ = CommandParser.Parse(activity.GetTextWithoutMentions());
        return JsonSerializer.SerializeToUtf8Bytes(activity.CreateReply(BotText.Help(BotCulture.FromLocale(activity.Locale))), ProtocolJson.Options);
    }
}
