using Alerts.Deliver;
using Alerts.Evaluate;
using Alerts.Functions.Pull.Recalculations;
using Alerts.Platform.Bus;
using Alerts.Pull;
using Alerts.Route;
using Azure.Core;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Alerts.Functions.Telemetry;

/// <summary>OpenTelemetry for the worker: the steps' spans and metrics, exported where the settings say.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The activity sources of the steps (the spans of one breach form one trace).</summary>
    public static IReadOnlyList<string> Sources { get; } = [EvaluateTelemetry.Name, BusTelemetry.Name];

    /// <summary>The meters of the steps.</summary>
    public static IReadOnlyList<string> Meters { get; } = [PullTelemetry.Name, EvaluateTelemetry.Name, BusTelemetry.Name, RouteTelemetry.Name, DeliverTelemetry.Name, RecalculationTelemetry.Name];

    public const string AppInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Traces and metrics of the steps with the Functions worker's defaults (invocation spans, resource of the
    /// function app); exported to Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (with
    /// the app's one credential: the resource has local auth off) and over OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (e.g. the Aspire dashboard or a collector). Without either nothing
    /// leaves the process.
    /// </summary>
    public static IServiceCollection AddAlertsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var telemetry = services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource([.. Sources]))
            .WithMetrics(metrics => metrics.AddMeter([.. Meters]))
            .UseFunctionsWorkerDefaults();
        if (!string.IsNullOrWhiteSpace(configuration[AppInsightsSetting]))
        {
            telemetry.UseAzureMonitorExporter(o => o.ConnectionString = configuration[AppInsightsSetting]);
            services.AddOptions<AzureMonitorExporterOptions>().Configure<TokenCredential>((o, credential) => o.Credential = credential);
        }

        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]))
        {
            telemetry.UseOtlpExporter(); // endpoint, protocol and headers from the standard OTEL_EXPORTER_OTLP_* settings
        }

        return services;
    }
}
