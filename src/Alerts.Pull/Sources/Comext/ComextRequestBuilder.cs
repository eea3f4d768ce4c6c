using System.Text;
using Alerts.Pull.Statistics;

namespace Alerts.Pull.Sources.Comext;

/// <summary>
/// Builds Comext request paths relative to the Comext base URL: the statistics API (JSON-stat, repeated
/// parameters) and SDMX 2.1 (dot-separated key with <c>+</c> between values, empty = wildcard).
/// </summary>
public static class ComextRequestBuilder
{
    /// <summary><c>statistics/1.0/data/DS-045409?format=JSON&amp;lang=EN&amp;freq=A&amp;reporter=...</c></summary>
    public static string Statistics(ComextQuery query, string dataset = "DS-045409")
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var sb = new StringBuilder($"statistics/1.0/data/{Uri.EscapeDataString(dataset)}?format=JSON&lang=EN");
        Add(sb, "freq", [query.Frequency]);
        Add(sb, "reporter", query.Reporters);
        Add(sb, "partner", query.Partners);
        Add(sb, "product", query.Products);
        Add(sb, "flow", query.Flows.Select(ComextIndicators.FlowCode));
        Add(sb, "indicators", query.Indicators);
        Add(sb, "sinceTimePeriod", [query.From.ToString()]);
        Add(sb, "untilTimePeriod", [query.To.ToString()]);
        return sb.ToString();
    }

    /// <summary><c>sdmx/2.1/data/DS-045409/A.EU27_2020..280530.1.QUANTITY_IN_100KG+VALUE_IN_EUROS?startPeriod=..&amp;endPeriod=..&amp;format=SDMX-CSV</c></summary>
    public static string Sdmx(ComextQuery query, string dataset = "DS-045409")
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var key = string.Join(".",
            query.Frequency,
            Join(query.Reporters),
            Join(query.Partners),
            Join(query.Products),
            Join(query.Flows.Select(ComextIndicators.FlowCode)),
            Join(query.Indicators));
        return $"sdmx/2.1/data/{Uri.EscapeDataString(dataset)}/{key}?startPeriod={query.From}&endPeriod={query.To}&format=SDMX-CSV";
    }

    /// <summary>
    /// Halves a query that Comext refused as too big: by product first, then by year; null when it is a single
    /// product and year already.
    /// </summary>
    public static IReadOnlyList<ComextQuery>? Split(ComextQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Products.Count > 1)
        {
            return query.Products.Select(p => query with { Products = [p] }).ToList();
        }

        if (query.From.Year == query.To.Year)
        {
            return null;
        }

        return Enumerable.Range(query.From.Year, query.To.Year - query.From.Year + 1)
            .Select(y => query with
            {
                From = query.From.IsAnnual ? Period.Annual(y) : y == query.From.Year ? query.From : Period.Monthly(y, 1),
                To = query.To.IsAnnual ? Period.Annual(y) : y == query.To.Year ? query.To : Period.Monthly(y, 12),
            })
            .ToList();
    }

    private static string Join(IEnumerable<string> values) => string.Join("+", values.Select(Uri.EscapeDataString));

    private static void Add(StringBuilder sb, string name, IEnumerable<string> values)
    {
        foreach (var v in values)
        {
            sb.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(v));
        }
    }
}
