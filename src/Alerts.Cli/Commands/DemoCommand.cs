using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Alerts.Cli.Demo;
using Alerts.Compute.Series;
using Alerts.Deliver;
using Alerts.Deliver.Rendering;
using Alerts.DevStack;
using Alerts.Evaluate.Run;
using Alerts.Pull;
using Alerts.Pull.Catalog;
using Alerts.Pull.Sources;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts demo [--json]</c>: starts the local stack, runs one full cycle on the bundled sample data (pull
/// through the real Comext client from the replay server, compute, evaluate, publish, route, deliver by SMTP
/// and Teams webhook), prints what happened, stops the stack and exits 0.
/// </summary>
public static class DemoCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var json = args is ["--json"];
        if (args.Length > 0 && !json)
        {
            await stderr.WriteLineAsync("usage: alerts demo [--json]");
            return 2;
        }

        try
        {
            // Mails and cards are kept for a look afterwards; progress (e.g. npm installing Azurite on first use) goes to stderr.
            var capture = Directory.CreateTempSubdirectory("alerts-demo-").FullName;
            using var progress = LoggerFactory.Create(logging => logging
                .AddFilter((category, level) => level >= LogLevel.Information && category?.StartsWith("Alerts.DevStack.Azurite", StringComparison.Ordinal) == true)
                .AddSimpleConsole(console => console.SingleLine = true)
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
            var result = await RunCycleAsync(cancellationToken, new LocalStackOptions { CaptureDirectory = capture, LoggerFactory = progress });
            await stderr.WriteLineAsync($"Mails (.eml) and cards (.json) of this run: {capture}");
            if (json)
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(result, Json));
            }
            else
            {
                Print(result, stdout);
            }

            return result.Deliveries.Values.Sum() > 0 ? 0 : 1;
        }
        catch (LocalStackStartException e)
        {
            await stderr.WriteLineAsync($"alerts demo: the local stack could not start: {e.Message}");
            return 1;
        }
    }

    /// <summary>One cycle on a fresh local stack; the stack is stopped before this returns.</summary>
    public static async Task<DemoResult> RunCycleAsync(CancellationToken cancellationToken, LocalStackOptions? options = null)
    {
        await using var stack = await LocalStack.StartAsync(options, cancellationToken);
        await using var pipeline = await LocalPipeline.StartAsync(stack, TimeProvider.System, cancellationToken: cancellationToken);

        var subscriptions = pipeline.Get<SubscriptionService>();
        foreach (var request in new[] { DemoSubscriptions.Email(), DemoSubscriptions.Teams(stack) })
        {
            var (_, errors) = await subscriptions.SeedAsync(DemoSubscriptions.Owner, request, cancellationToken);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"Demo subscription rejected: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
            }
        }

        var pull = await pipeline.Get<PullService>().RunAsync(PullScope.All, force: false, cancellationToken);
        var routing = await pipeline.Get<RouteService>().RunAsync(cancellationToken);
        var delivery = pipeline.Get<DeliveryService>();
        foreach (var channel in Channels.All)
        {
            await delivery.RunAsync(channel, cancellationToken);
        }

        return DemoResult.From(pull, routing, stack, pipeline.Get<CommodityCatalog>());
    }

    private static void Print(DemoResult result, TextWriter stdout)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
        console.MarkupLine($"[bold]Alerts demo[/] - run {Markup.Escape(result.RunId)} on the local stack (sample Comext data, illustrative where not published)");

        var products = new Table().Title("Pull").AddColumns("Product", "Commodities", "Status", "Observations", "Vintage", "Error");
        foreach (var p in result.Products.Where(p => p.Commodity is null))
        {
            products.AddRow(p.Product, Markup.Escape(string.Join(", ", p.CommodityIds ?? [])), p.Status.ToString(), p.Observations.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(p.Vintage ?? "-"), Markup.Escape(p.Error ?? ""));
        }

        console.Write(products);

        // Commodity series sum the products of a catalog stage; say which, and what is missing, so a partial sum is visible.
        var commodities = new Table().Title("Commodity series (catalog stages, summed from the products pulled)").AddColumns("Series", "Status", "Sums", "Observations", "Note");
        foreach (var c in result.Products.Where(p => p.Commodity is not null))
        {
            commodities.AddRow(Markup.Escape(c.Product), c.Status.ToString(), string.Join(" + ", c.Codes ?? []), c.Observations.ToString(CultureInfo.InvariantCulture), Markup.Escape(c.Error ?? c.Note ?? ""));
        }

        console.Write(commodities);

        var indices = new Table().Title("Concentration of EU imports, latest year, by weight").AddColumns("Product", "Name", "Period", "Tonnes", "Suppliers", "HHI", "Top supplier", "CR1");
        foreach (var i in result.Indices)
        {
            indices.AddRow(i.Product, Markup.Escape(i.Name), i.Period, i.TotalTonnes.ToString("N1", CultureInfo.InvariantCulture), i.Suppliers.ToString(CultureInfo.InvariantCulture),
                i.Hhi.ToString("N0", CultureInfo.InvariantCulture), i.TopSupplier ?? "-", i.Cr1.ToString("P1", CultureInfo.InvariantCulture));
        }

        console.Write(indices);

        var breaches = new Table().Title("Breaches published to Service Bus 'breaches'").AddColumns("Severity", "Rule", "Product", "Period", "Value", "Threshold", "State");
        foreach (var b in result.Breaches)
        {
            breaches.AddRow(b.Severity, b.Rule, Markup.Escape($"{b.Commodity} {b.CommodityName}"), b.Period,
                b.Value.ToString("G4", CultureInfo.InvariantCulture), b.Threshold.ToString("G4", CultureInfo.InvariantCulture), b.State);
        }

        console.Write(breaches);

        var deliveries = new Table().Title($"Deliveries: {result.Deliveries["email"]} email, {result.Deliveries["teams"]} Teams").AddColumns("Channel", "To", "Subject / card title", "Bytes");
        foreach (var d in result.Messages)
        {
            deliveries.AddRow(d.Channel, Markup.Escape(d.To), Markup.Escape(d.Subject), d.Bytes.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(deliveries);
    }
}
