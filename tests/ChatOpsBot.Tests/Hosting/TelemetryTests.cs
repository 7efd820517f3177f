using System.Collections.Concurrent;
using System.Net;
using ChatOpsBot.Testing;
using ChatOpsBot.Testing.Activities;
using ChatOpsBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOpsBot.Tests.Hosting;

/// <summary>With an OTLP endpoint configured (as the Azure deployment does), traces and metrics leave the host.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task With_an_OTLP_endpoint_the_host_exports_traces_and_metrics()
    {
        var received = new ConcurrentQueue<string>();
        await using var collector = await LoopbackHost.StartAsync(null, app => app.Run(async context =>
        {
            received.Enqueue(context.Request.Path.Value ?? string.Empty);
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.StatusCode = StatusCodes.Status200OK;
        }));
        await using var sink = await FakeConnector.StartScriptedAsync();
        await using var bot = await BotProcess.StartAsync(
            new Dictionary<string, string?>
            {
                ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
                ["Bot:AllowedServiceUrls:0"] = sink.BaseAddress.ToString(),
            },
            environment: new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseAddress.ToString().TrimEnd('/'),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            });
        using var client = bot.CreateClient();

        var serviceUrl = new Uri(sink.BaseAddress, "amer/").ToString();
        Assert.Equal(HttpStatusCode.Accepted, (await ActivityPost.SendAsync(client, TeamsActivity.Message("aide").To(serviceUrl).Build())).StatusCode);
        Assert.True(await sink.WaitForRequestsAsync(1, TimeSpan.FromSeconds(20)), bot.Output);

        for (var i = 0; i < 100 && !(received.Contains("/v1/traces") && received.Contains("/v1/metrics")); i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains("/v1/traces", received);
        Assert.Contains("/v1/metrics", received);
    }
}
