using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;

namespace Alerts.Deliver.Charts;

/// <summary>Which chart: a series (reporter, product), basis, window and kind. What a signed chart link names.</summary>
public sealed record ChartRequest(string Reporter, string Product, Basis Basis, IndexSelection Window, ChartKind Kind)
{
    /// <summary>The query string naming this chart (without a signature), in a fixed order so it can be signed.</summary>
    public string Query =>
        "reporter=" + Uri.EscapeDataString(Reporter)
        + "&product=" + Uri.EscapeDataString(Product)
        + "&basis=" + (Basis == Basis.Weight ? "weight" : "value")
        + "&window=" + Window.ToName()
        + "&kind=" + Kind.ToName();

    /// <summary>Parses the query parameters of a chart URL; null with what was wrong.</summary>
    public static (ChartRequest? Request, string? Error) Parse(string? reporter, string? product, string? basis, string? window, string? kind)
    {
        if (string.IsNullOrWhiteSpace(reporter) || reporter.Length > 40)
        {
            return (null, "Query parameter 'reporter' is required (at most 40 characters).");
        }

        if (string.IsNullOrWhiteSpace(product) || product.Length > 80)
        {
            return (null, "Query parameter 'product' is required (at most 80 characters).");
        }

        Basis parsedBasis;
        switch (basis?.Trim().ToLowerInvariant())
        {
            case null or "" or "weight": parsedBasis = Basis.Weight; break;
            case "value": parsedBasis = Basis.Value; break;
            default: return (null, $"Query parameter 'basis' is '{basis}'; expected weight or value.");
        }

        var parsedWindow = IndexSelection.Published;
        if (!string.IsNullOrWhiteSpace(window) && !IndexSelections.TryParse(window, out parsedWindow))
        {
            return (null, $"Query parameter 'window' is '{window}'; expected one of {string.Join(", ", IndexSelections.Names)}.");
        }

        if (!ChartKinds.TryParse(kind, out var parsedKind))
        {
            return (null, $"Query parameter 'kind' is '{kind}'; expected share or hhi.");
        }

        return (new ChartRequest(reporter.Trim(), product.Trim(), parsedBasis, parsedWindow, parsedKind), null);
    }
}
