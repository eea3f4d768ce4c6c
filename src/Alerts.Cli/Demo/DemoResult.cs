using System.Text.Json;
using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.Teams;
using Alerts.DevStack;
using Alerts.Evaluate.Breaches;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Evaluate.Run;
using Alerts.Platform.Bus;
using Alerts.Platform.Secrets;
using Alerts.Pull;
using Alerts.Pull.Catalog;
using Alerts.Pull.Sources;
using Alerts.Pull.Statistics;
using Alerts.Route.Notifications;

namespace Alerts.Cli.Demo;

/// <summary>What one demo cycle did, as printed (table) or serialized (<c>--json</c>).</summary>
public sealed record DemoResult(
    string RunId,
    IReadOnlyList<ProductOutcome> Products,
    IReadOnlyList<DemoIndex> Indices,
    IReadOnlyList<DemoBreach> Breaches,
    IReadOnlyDictionary<string, int> Deliveries,
    IReadOnlyList<DemoDelivery> Messages,
    DrainSummary Routing)
{
    /// <param name="catalog">The catalog the run used: each product entry names the commodities it covers (<c>commodityIds</c>).</param>
    public static DemoResult From(PullReport pull, DrainSummary routing, LocalStack stack, CommodityCatalog catalog)
    {
        var latest = pull.Indices
            .Where(i => i.Basis == Basis.Weight && i.Window == IndexSelection.Published)
            .GroupBy(i => i.Series)
            .Select(g => g.MaxBy(i => i.Period)!)
            .OrderBy(i => i.Series.Product, StringComparer.Ordinal)
            .Select(DemoIndex.From)
            .ToList();
        var mails = stack.Smtp.Messages.Snapshot();
        var posts = stack.Webhooks.Requests.Snapshot().Where(p => p.Status is >= 200 and < 300).ToList();
        var messages = mails.Select(m => new DemoDelivery("email", string.Join(", ", m.To.Select(t => Channels.RedactTarget("email", t))), m.Subject, m.Raw.Length))
            .Concat(posts.Select(p => new DemoDelivery("teams", Channels.RedactTarget("teams", stack.Webhooks.UrlFor(p.Path).ToString()), CardTitle(p.Body), p.Body.Length)))
            .ToList();
        return new DemoResult(
            pull.RunId,
            [.. pull.Products.Select(p => p.WithCommodityIds(catalog))],
            latest,
            [.. pull.Events.Select(DemoBreach.From)],
            new Dictionary<string, int> { ["email"] = mails.Count, ["teams"] = posts.Count },
            messages,
            routing);
    }

    private static string CardTitle(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var content = doc.RootElement.GetProperty("attachments")[0].GetProperty("content");
            return content.GetProperty("body").EnumerateArray()
                .Select(b => b.TryGetProperty("text", out var t) ? t.GetString() : null)
                .FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) ?? "(card)";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            return "(not an Adaptive Card message)";
        }
    }
}

/// <summary>The latest index row of a series, by weight.</summary>
public sealed record DemoIndex(string Product, string Name, string Period, decimal TotalTonnes, int Suppliers, double Hhi, double Cr1, string? TopSupplier)
{
    public static DemoIndex From(SeriesIndices s) => new(
        s.Series.Product, s.CommodityName ?? s.Series.Product, s.Period.ToString(), Math.Round(s.Indices.Total / 1000m, 1), s.Indices.Suppliers, s.Indices.Hhi, s.Indices.Cr1, s.Indices.TopSupplier);
}

/// <summary>An alert event the run published.</summary>
public sealed record DemoBreach(string Rule, string Severity, string State, string Commodity, string CommodityName, string Reporter, string Period, string Metric, double Value, double Threshold, string? TopSupplier)
{
    public static DemoBreach From(AlertEvent e) => new(
        e.RuleId, e.Severity, e.State.ToString().ToLowerInvariant(), e.Commodity, e.CommodityName, e.Reporter, e.Period, e.Metric, e.Value, e.Threshold, e.TopSuppliers.Count > 0 ? e.TopSuppliers[0].Partner : null);
}

/// <summary>A mail or a webhook post the stack received.</summary>
public sealed record DemoDelivery(string Channel, string To, string Subject, int Bytes);
