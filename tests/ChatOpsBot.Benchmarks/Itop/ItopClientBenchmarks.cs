using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ChatOpsBot.Itop;
using ChatOpsBot.Itop.Rest;
using ChatOpsBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Benchmarks.Itop;

/// <summary>
/// The iTop client's own overhead per call: the same recorded <c>core/get UserRequest</c> answer (corpus 145) served
/// by a loopback stub, fetched once with a bare HttpClient (transport only) and once through the whole client (Refit,
/// auth handler, resilience pipeline, envelope parsing). The difference is the client's cost.
/// <c>dotnet run -c Release --project tests/ChatOpsBot.Benchmarks -- --filter *ItopClient*</c>.
/// </summary>
[MemoryDiagnoser]
public class ItopClientBenchmarks
{
    private LoopbackApp _stub = null!;
    private ServiceProvider _services = null!;
    private ItopClient _client = null!;
    private HttpClient _raw = null!;
    private string _body = null!;

    [GlobalSetup]
    public void Setup()
    {
        var recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.ItopContract, "145-get-userrequest-star.json")))!;
        _body = recorded["response"]!["body"]!.ToJsonString();
        var body = Encoding.UTF8.GetBytes(_body);
        _stub = LoopbackHost.StartAsync(null, app => app.MapPost("/webservices/rest.php", async context =>
        {
            _ = await context.Request.ReadFormAsync();
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(body);
        })).GetAwaiter().GetResult();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Itop:BaseUrl"] = _stub.BaseAddress.ToString(),
            ["Itop:Token"] = "bench-token",
        }).Build();
        _services = new ServiceCollection().AddLogging().AddItopTicketDesk(configuration).BuildServiceProvider();
        _client = _services.GetRequiredService<ItopClient>();
        _raw = _stub.CreateClient();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _services.Dispose();
        _stub.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> TransportOnly()
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["json_data"] = """{"operation":"core/get","class":"UserRequest","key":21,"output_fields":"*"}""",
        });
        using var response = await _raw.PostAsync("webservices/rest.php?version=1.4", content);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        return document.RootElement.GetProperty("code").GetInt32();
    }

    [Benchmark]
    public async Task<int> WholeClient()
    {
        var envelope = await _client.GetAsync("UserRequest", JsonValue.Create(21), "*", null, null, CancellationToken.None);
        return envelope.Objects.Count;
    }

    [Benchmark]
    public ItopEnvelope ParseOnly() => ItopResponseParser.Parse(_body);
}
