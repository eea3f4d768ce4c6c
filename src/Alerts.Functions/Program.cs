using Alerts.Functions.Http;
using Alerts.Pipeline;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The Functions app: thin triggers (Pull/, Routing/, Delivery/, Subscriptions/, Health/) over the pipeline's
// services. Every area registers itself in AddAlerts: sources, storage, rules, messaging, channels, steps.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddAlerts(builder.Configuration);
builder.Services.AddAlertsHttpJson(); // responses: camelCase, enums by name
builder.Build().Run();
