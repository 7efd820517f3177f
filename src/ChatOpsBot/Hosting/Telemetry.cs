using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ChatOpsBot.Hosting;

/// <summary>
/// Traces and metrics of ASP.NET Core and HttpClient, exported only where a destination is configured: an OTLP
/// collector (the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>), Azure Monitor (<c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>),
/// or both at once, as the Azure deployment may set them. A dev bot exports nothing.
/// </summary>
public static class Telemetry
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[EndpointKey]);
        var azureMonitorConnectionString = builder.Configuration[AzureMonitorTelemetry.ConnectionStringKey];
        var azureMonitor = !string.IsNullOrWhiteSpace(azureMonitorConnectionString);
        if (!otlp && !azureMonitor)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("chatopsbot"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/healthz"))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (otlp)
        {
            telemetry
                .WithTracing(tracing => tracing.AddOtlpExporter())
                .WithMetrics(metrics => metrics.AddOtlpExporter());
        }

        if (azureMonitor)
        {
            telemetry.AddAzureMonitorExporters(azureMonitorConnectionString!);
        }

        return builder;
    }
}
