using Alerts.Compute;
using Alerts.Deliver;
using Alerts.Evaluate;
using Alerts.Functions;
using Alerts.Functions.Health;
using Alerts.Functions.Http;
using Alerts.Functions.Telemetry;
using Alerts.Functions.Web;
using Alerts.Functions.Http.Identity;
using Alerts.Functions.Pull.Recalculations;
using Alerts.Functions.Route;
using Alerts.Platform;
using Alerts.Pull;
using Alerts.Route;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<CallerAuthenticationMiddleware>(); // every HTTP invocation: who is calling, before the function runs
builder.Services.AddAlerts(builder.Configuration);
builder.Build().Run();

namespace Alerts.Functions
{
    /// <summary>The Functions app: thin triggers in folders named after the steps, over the services each step registers.</summary>
    public static class AlertsApp
    {
        /// <summary>The pipeline in flow order; also used by the CLI and the tests, so every host runs the same registrations.</summary>
        public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration) => services
            .AddPlatform(configuration)   // storage account, Service Bus client and drain, clock
            .AddPull(configuration)       // 1 pull: sources, catalog, snapshots, pull state
            .AddCompute(configuration)    // 2 compute: index engine, supply risk, indices table
            .AddEvaluate(configuration)   // 3 evaluate: rules, alert lifecycle, alerts table, breaches topic
            .AddRoute(configuration)      // 4 route: subscriptions, silences, notification log, notifications topic
            .AddDeliver(configuration)    // 5 deliver: delivery service, history, endpoint health, Email/, Teams/
            .AddRecalculations(configuration) // POST /api/recalculations queues, a timer drains, one lease with the pull timer
            .AddSubscriptionQuota(configuration) // Subscriptions__MaxPerOwner
            .AddSingleton<DependencyHealth>() // GET /api/health: storage and Service Bus reachability
            .AddWebPages()                // /api/web: the analysts' pages (overview, materials, alerts, my subscriptions, administration)
            .AddCallerIdentity(configuration) // HTTP callers: App Service principal or bearer token, fail closed
            .AddAlertsHttpJson()          // HTTP responses: camelCase, enums by name
            .AddAlertsTelemetry(configuration); // OpenTelemetry: the steps' spans and metrics, exported as settings say
    }
}
