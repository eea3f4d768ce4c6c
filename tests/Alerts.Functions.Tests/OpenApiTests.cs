using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Alerts.Compute.Series;
using Alerts.Compute.SupplyRisk;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Run;
using Alerts.Functions.Compute;
using Alerts.Functions.Evaluate;
using Alerts.Functions.Http;
using Alerts.Functions.OpenApi;
using Alerts.Functions.Pull;
using Alerts.Pull;
using Alerts.Pull.Sources;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Functions.Tests;

/// <summary>
/// The shipped OpenAPI document against what the app really is: its paths and operations are exactly the HTTP
/// functions of <c>functions.metadata</c>, and each schema lists exactly the JSON fields its response or request
/// type is written with, so the document cannot drift from the code.
/// </summary>
public sealed class OpenApiTests
{
    private static readonly Lazy<JsonNode> Document = new(() =>
    {
        var result = Assert.IsType<ContentResult>(new OpenApiFunction().Run(new DefaultHttpContext().Request));
        return JsonNode.Parse(result.Content!)!;
    });

    private static JsonSerializerOptions ResponseJson
    {
        get
        {
            var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
            HttpJson.Configure(options);
            return options;
        }
    }

    [Fact]
    public void Run_ServesTheDocumentAsJson()
    {
        var result = Assert.IsType<ContentResult>(new OpenApiFunction().Run(new DefaultHttpContext().Request));

        Assert.Equal(("application/json", 200), (result.ContentType, result.StatusCode));
        Assert.Equal("3.1.0", Document.Value["openapi"]!.GetValue<string>());
        Assert.Equal("/api", Document.Value["servers"]![0]!["url"]!.GetValue<string>());
    }

    [Fact]
    public void Document_Operations_AreExactlyTheHttpFunctionsWithTheirNames()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        using var metadata = JsonDocument.Parse(File.ReadAllText(path));
        var functions = (from f in metadata.RootElement.EnumerateArray()
                         from b in f.GetProperty("bindings").EnumerateArray()
                         where b.GetProperty("type").GetString() == "httpTrigger"
                         from m in b.GetProperty("methods").EnumerateArray()
                         select $"{m.GetString()} /{b.GetProperty("route").GetString()} {f.GetProperty("name").GetString()}").Order(StringComparer.Ordinal).ToList();

        var documented = (from p in Document.Value["paths"]!.AsObject()
                          from op in p.Value!.AsObject()
                          select $"{op.Key} {p.Key} {op.Value!["operationId"]!.GetValue<string>()}").Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(functions);
        Assert.Equal(functions, documented);
    }

    public static TheoryData<string, Type> Schemas => new()
    {
        { "SubscriptionRequest", typeof(SubscriptionRequest) },
        { "Subscription", typeof(SubscriptionView) },
        { "SubscriptionFilter", typeof(SubscriptionFilter) },
        { "RecalculationRequest", typeof(RecalculationRequest) },
        { "RecalculationResult", typeof(RecalculationResult) },
        { "RecalculationRun", typeof(Alerts.Functions.Pull.Recalculations.RecalculationRun) },
        { "HealthReport", typeof(Alerts.Functions.Health.HealthReport) },
        { "DependencyCheck", typeof(Alerts.Functions.Health.DependencyCheck) },
        { "ProductOutcome", typeof(ProductOutcome) },
        { "IndexSummary", typeof(IndexSummary) },
        { "IndexChange", typeof(IndexChangeSummary) },
        { "Crma", typeof(CrmaSummary) },
        { "SupplyRisk", typeof(SupplyRiskSummary) },
        { "AlertEvent", typeof(AlertEvent) },
        { "SupplierShare", typeof(Alerts.Compute.Engine.SupplierShare) },
        { "Revision", typeof(Revision) },
        { "Alert", typeof(AlertView) },
        { "AlertedPeriod", typeof(AlertedPeriodView) },
        { "DeliveryHistory", typeof(Alerts.Functions.Deliver.DeliveryHistoryView) },
        { "Delivery", typeof(Alerts.Functions.Deliver.DeliveryView) },
        { "DeadLetters", typeof(Alerts.Functions.DeadLetters.DeadLettersView) },
        { "DeadLetterQueue", typeof(Alerts.Functions.DeadLetters.DeadLetterQueueView) },
        { "DeadLetter", typeof(Alerts.Platform.Bus.DeadLetters.DeadLetter) },
        { "DeadLetterAction", typeof(Alerts.Functions.DeadLetters.DeadLetterActionView) },
        { "Silence", typeof(SilenceView) },
        { "SilenceRequest", typeof(SilenceRequest) },
        { "SilenceMatcher", typeof(SilenceMatcher) },
        { "MuteWindow", typeof(MuteWindow) },
        { "DeliverySchedule", typeof(Alerts.Route.Grouping.DeliveryRequest) },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Document_Schema_HasExactlyTheTypesJsonFields(string schema, Type type)
    {
        var documented = Document.Value["components"]!["schemas"]![schema]!["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);

        var written = ResponseJson.GetTypeInfo(type).Properties.Select(p => p.Name).Order(StringComparer.Ordinal);

        Assert.Equal(written, documented);
    }

    [Fact]
    public void Document_References_AllResolve()
    {
        var refs = new List<string>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        if (key == "$ref")
                        {
                            refs.Add(value!.GetValue<string>());
                        }
                        else
                        {
                            Walk(value);
                        }
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(Document.Value);

        Assert.NotEmpty(refs);
        Assert.All(refs, r =>
        {
            var parts = r.TrimStart('#', '/').Split('/');
            var target = parts.Aggregate<string, JsonNode?>(Document.Value, (n, part) => n?[part]);
            Assert.True(target is not null, $"{r} does not resolve");
        });
    }

    [Fact]
    public async Task Responses_EnumsAreWrittenByName()
    {
        // Through MVC's own result executor, as the Functions ASP.NET Core integration runs it.
        var services = new ServiceCollection().AddLogging().AddAlertsHttpJson();
        services.AddMvcCore();
        using var provider = services.BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = provider };
        context.Response.Body = new MemoryStream();
        var outcome = new ProductOutcome("comext", "850511", ProductStatus.Fetched, 84, 12, "2025-10-15", null);

        await new OkObjectResult(outcome).ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));

        context.Response.Body.Position = 0;
        var json = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.Contains("\"status\":\"fetched\"", json, StringComparison.Ordinal);
        Assert.Contains("\"indicesWritten\":12", json, StringComparison.Ordinal);
    }
}
