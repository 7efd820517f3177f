using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ChatOpsBot.Hosting;

/// <summary>
/// Application Insights through the OpenTelemetry exporter for Azure Monitor: requests and dependencies, metrics, and
/// the log lines the console gets (same levels, no scopes). The connection string is handed to the exporter only,
/// never logged. The trace exporter also sets the tracer provider's sampler (5 traces per second unless
/// <c>OTEL_TRACES_SAMPLER</c> says otherwise), which OTLP shares when both are on.
/// </summary>
public static class AzureMonitorTelemetry
{
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static IOpenTelemetryBuilder AddAzureMonitorExporters(this IOpenTelemetryBuilder telemetry, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        void Configure(AzureMonitorExporterOptions options)
        {
            options.ConnectionString = connectionString;
            // No disk buffer: a container's temp folder does not survive a restart or a scale-out, and a backlog left
            // by one process would be uploaded by the next. What an ingestion outage drops is lost; the console log
            // (App Service log stream) still has the lines.
            options.DisableOfflineStorage = true;
            // Live Metrics needs UseAzureMonitorExporter; off, so the per-signal exporters do not report it unsupported.
            options.EnableLiveMetrics = false;
        }

        telemetry
            .WithTracing(tracing => tracing.AddAzureMonitorTraceExporter(Configure))
            .WithMetrics(metrics => metrics.AddAzureMonitorMetricExporter(Configure))
            .WithLogging(logging => logging.AddAzureMonitorLogExporter(Configure));
        return telemetry;
    }
}
