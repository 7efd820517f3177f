using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using ChatOpsBot.Hosting;
using ChatOpsBot.Testing;
using ChatOpsBot.Testing.Activities;
using ChatOpsBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOpsBot.Tests.Hosting;

/// <summary>
/// With <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> set (as the Azure deployment does), requests, dependencies, logs
/// and metrics reach Application Insights; here its ingestion endpoint is a loopback sink named in the connection string.
/// </summary>
public sealed class AzureMonitorTelemetryTests
{
    private static readonly TimeSpan ExportWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task With_a_connection_string_requests_logs_and_metrics_reach_Application_Insights_and_the_key_is_never_logged()
    {
        var temp = Directory.CreateTempSubdirectory("chatopsbot-tmpdir-");
        try
        {
            await ExportsToApplicationInsightsAsync(temp);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task OTLP_and_Application_Insights_both_receive_the_traces_when_both_are_configured()
    {
        var otlpPaths = new ConcurrentQueue<string>();
        var tracesArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var collector = await LoopbackHost.StartAsync(null, app => app.Run(async context =>
        {
            otlpPaths.Enqueue(context.Request.Path.Value ?? string.Empty);
            await context.Request.Body.CopyToAsync(Stream.Null);
            if (context.Request.Path == "/v1/traces")
            {
                tracesArrived.TrySetResult();
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
        }));
        await using var ingestion = await IngestionSink.StartAsync();
        await using var sink = await FakeConnector.StartScriptedAsync();
        var environment = AzureMonitorEnvironment(ingestion, Guid.NewGuid());
        environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseAddress.ToString().TrimEnd('/');
        environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        environment["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        await using var bot = await BotProcess.StartAsync(LocalSettings(sink), environment: environment);
        using var client = bot.CreateClient();

        await SayHelpAsync(client, sink, bot);

        Assert.True(await ingestion.WaitForItemAsync(IsMessagesRequest, ExportWait), Describe(ingestion, bot));
        await Task.WhenAny(tracesArrived.Task, Task.Delay(ExportWait));
        Assert.True(tracesArrived.Task.IsCompleted, "OTLP requests: " + string.Join(", ", otlpPaths));
    }

    /// <summary>The bot's TMPDIR is <paramref name="temp"/>, where the exporter would keep its offline storage.</summary>
    private static async Task ExportsToApplicationInsightsAsync(DirectoryInfo temp)
    {
        var key = Guid.NewGuid();
        await using var ingestion = await IngestionSink.StartAsync();
        await using var sink = await FakeConnector.StartScriptedAsync();
        var environment = AzureMonitorEnvironment(ingestion, key);
        environment["TMPDIR"] = temp.FullName;
        await using var bot = await BotProcess.StartAsync(LocalSettings(sink), environment: environment);
        using var client = bot.CreateClient();

        await SayHelpAsync(client, sink, bot);

        Assert.True(await ingestion.WaitForItemAsync(IsMessagesRequest, ExportWait), Describe(ingestion, bot));
        var request = ingestion.Items.First(IsMessagesRequest);
        Assert.Equal(key.ToString(), request.GetProperty("iKey").GetString());
        Assert.Equal("POST /api/messages", request.GetProperty("tags").GetProperty("ai.operation.name").GetString());
        Assert.Equal("chatopsbot", request.GetProperty("tags").GetProperty("ai.cloud.role").GetString());
        Assert.Equal("202", BaseData(request).GetProperty("responseCode").GetString());
        Assert.True(await ingestion.WaitForItemAsync(IsConnectorCall, ExportWait), Describe(ingestion, bot));
        Assert.True(await ingestion.WaitForItemAsync(IsHostLifetimeLog, ExportWait), Describe(ingestion, bot));

        // The metric reader exports every minute, and once more when the host stops gracefully (SIGTERM, as App Service does).
        Assert.True(await bot.StopAsync(TimeSpan.FromSeconds(30)), bot.Output);
        Assert.True(await ingestion.WaitForItemAsync(IsMessagesDurationMetric, TimeSpan.FromSeconds(10)), Describe(ingestion, bot));

        Assert.All(ingestion.Targets, target => Assert.Equal("POST /v2.1/track", target));
        Assert.DoesNotContain(key.ToString(), bot.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("InstrumentationKey", bot.Output, StringComparison.OrdinalIgnoreCase);
        Assert.All(ingestion.Batches, batch => Assert.DoesNotContain(EmbeddedItop.SandboxToken, batch, StringComparison.Ordinal));
        // No offline storage: the exporter's default folder (TMPDIR/Microsoft/AzureMonitor) was never created.
        Assert.Empty(temp.EnumerateFileSystemInfos());
    }

    private static Dictionary<string, string?> LocalSettings(FakeConnector sink) => new()
    {
        ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
        ["Bot:AllowedServiceUrls:0"] = sink.BaseAddress.ToString(),
    };

    /// <summary>
    /// The exporter's own SDK statistics are off: outside Azure they probe the VM metadata address (169.254.169.254)
    /// and go to Microsoft's endpoints, and a test reaches loopback only.
    /// </summary>
    private static Dictionary<string, string> AzureMonitorEnvironment(IngestionSink ingestion, Guid key) => new()
    {
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ingestion.ConnectionString(key),
        ["APPLICATIONINSIGHTS_STATSBEAT_DISABLED"] = "true",
        ["APPLICATIONINSIGHTS_SDKSTATS_DISABLED"] = "true",

        // The exporter's default sampler keeps 5 traces a second: on a loaded machine the readiness probes while the bot
        // starts can use them up, and the request the test looks for is then dropped. Keep every trace here.
        ["OTEL_TRACES_SAMPLER"] = "microsoft.fixed_percentage",
        ["OTEL_TRACES_SAMPLER_ARG"] = "1.0",
    };

    private static async Task SayHelpAsync(HttpClient client, FakeConnector sink, DotnetProcess bot)
    {
        var serviceUrl = new Uri(sink.BaseAddress, "amer/").ToString();
        Assert.Equal(HttpStatusCode.Accepted, (await ActivityPost.SendAsync(client, TeamsActivity.Message("aide").To(serviceUrl).Build())).StatusCode);
        Assert.True(await sink.WaitForRequestsAsync(1, TimeSpan.FromSeconds(20)), bot.Output);
    }

    private static bool IsMessagesRequest(JsonElement item) =>
        BaseType(item) == "RequestData" && BaseData(item).GetProperty("name").GetString() == "POST /api/messages";

    private static bool IsConnectorCall(JsonElement item) =>
        BaseType(item) == "RemoteDependencyData"
        && BaseData(item).GetProperty("name").GetString()!.StartsWith("POST /amer/v3/conversations/", StringComparison.Ordinal);

    private static bool IsHostLifetimeLog(JsonElement item) =>
        BaseType(item) == "MessageData"
        && BaseData(item).TryGetProperty("properties", out var properties)
        && properties.TryGetProperty("CategoryName", out var category)
        && category.GetString() == "Microsoft.Hosting.Lifetime";

    private static bool IsMessagesDurationMetric(JsonElement item) =>
        BaseType(item) == "MetricData"
        && BaseData(item).GetProperty("metrics")[0].GetProperty("name").GetString() == "http.server.request.duration"
        && BaseData(item).TryGetProperty("properties", out var properties)
        && properties.TryGetProperty("http.route", out var route)
        && route.GetString() == "/api/messages";

    private static string? BaseType(JsonElement item) =>
        item.TryGetProperty("data", out var data) && data.TryGetProperty("baseType", out var type) ? type.GetString() : null;

    private static JsonElement BaseData(JsonElement item) => item.GetProperty("data").GetProperty("baseData");

    private static string Describe(IngestionSink ingestion, DotnetProcess bot) =>
        "received: " + string.Join(", ", ingestion.Items.Select(BaseType)) + "\n" + bot.Output;
}
