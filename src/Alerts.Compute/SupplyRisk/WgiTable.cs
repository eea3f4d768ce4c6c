using System.Globalization;

namespace Alerts.Compute.SupplyRisk;

/// <summary>
/// Worldwide Governance Indicator estimates per country and year, rescaled for the EU supply-risk formula.
/// <see cref="Shipped"/> is the table bundled with the product: the <b>Political Stability</b> estimates of
/// <c>wgi-political-stability.csv</c> only. The Commission's 2017 method uses the <b>average of all six</b> WGI dimensions, so
/// results with the shipped table are an approximation; load the operator's full file with <see cref="Parse"/>
/// (CSV <c>country,year,estimate</c>, the estimate being the six-dimension average, or one dimension).
/// </summary>
public sealed class WgiTable
{
    private readonly Dictionary<string, SortedList<int, double>> estimates;

    private WgiTable(Dictionary<string, SortedList<int, double>> estimates, string source, string vintage, string dimension)
    {
        this.estimates = estimates;
        Source = source;
        Vintage = vintage;
        Dimension = dimension;
    }

    /// <summary>The bundled Political Stability table (source World Bank WGI, CC BY 4.0).</summary>
    public static WgiTable Shipped { get; } = LoadShipped();

    public string Source { get; }

    public string Vintage { get; }

    /// <summary>Which WGI dimension(s) the estimates are, e.g. "political stability" or "average of six".</summary>
    public string Dimension { get; }

    /// <summary>
    /// The estimate on the supply-risk scale 0..10 (10 = worst governance): <c>(2.5 - estimate) * 2</c>,
    /// clamped. That mapping of -2.5..2.5 onto 10..0 is our derivation (not confirmed against the Commission's tables); the
    /// Commission's published scaled values should replace it once checked.
    /// </summary>
    public static double Rescale(double estimate) => Math.Clamp((2.5 - estimate) * 2, 0, 10);

    /// <summary>
    /// The estimate for <paramref name="country"/> in <paramref name="year"/>, else the latest earlier year,
    /// else the earliest later year (<paramref name="usedYear"/> says which); false when the country is absent.
    /// </summary>
    public bool TryGetEstimate(string country, int year, out double estimate, out int usedYear)
    {
        estimate = 0;
        usedYear = 0;
        if (!estimates.TryGetValue(country, out var byYear) || byYear.Count == 0)
        {
            return false;
        }

        usedYear = byYear.Keys[0];
        foreach (var y in byYear.Keys)
        {
            if (y <= year)
            {
                usedYear = y;
            }
        }

        estimate = byYear[usedYear];
        return true;
    }

    /// <summary>
    /// Reads CSV <c>country,year,estimate</c> (header required; lines starting with # are comments; country
    /// ISO-2). Errors name <paramref name="name"/>, the line and the field.
    /// </summary>
    public static WgiTable Parse(TextReader reader, string name, string source, string vintage, string dimension)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var table = new Dictionary<string, SortedList<int, double>>(StringComparer.Ordinal);
        var lineNo = 0;
        var header = false;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var f = line.Split(',');
            if (!header)
            {
                if (f.Length < 3 || f[0].Trim() != "country" || f[1].Trim() != "year" || f[2].Trim() != "estimate")
                {
                    throw new FormatException($"{name} line {lineNo}: expected header 'country,year,estimate'.");
                }

                header = true;
                continue;
            }

            if (f.Length < 3)
            {
                throw new FormatException($"{name} line {lineNo}: expected 3 fields, found {f.Length}.");
            }

            var country = f[0].Trim();
            if (country.Length == 0)
            {
                throw new FormatException($"{name} line {lineNo}: empty country.");
            }

            if (!int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1990 or > 2200)
            {
                throw new FormatException($"{name} line {lineNo}: year '{f[1]}' is not a year.");
            }

            if (!double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var est) || est is < -3 or > 3)
            {
                throw new FormatException($"{name} line {lineNo}: estimate '{f[2]}' is not a WGI estimate (about -2.5..2.5).");
            }

            if (!table.TryGetValue(country, out var byYear))
            {
                table[country] = byYear = [];
            }

            byYear[year] = est;
        }

        if (!header)
        {
            throw new FormatException($"{name}: empty, expected header 'country,year,estimate'.");
        }

        return new WgiTable(table, source, vintage, dimension);
    }

    /// <summary>
    /// Reads an operator's WGI file: the CSV of <see cref="Parse"/>, whose provenance comes from comment lines
    /// <c># source: ...</c>, <c># vintage: ...</c> and <c># dimension: ...</c> before the header. Every release
    /// revises earlier years, so a file without a vintage line is rejected rather than recorded as "unknown".
    /// </summary>
    public static WgiTable ParseOperatorFile(string content, string name)
    {
        ArgumentNullException.ThrowIfNull(content);
        string? source = null, vintage = null, dimension = null;
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (!line.StartsWith('#'))
            {
                if (line.Trim().Length > 0)
                {
                    break;
                }

                continue;
            }

            var text = line[1..].Trim();
            source ??= Field(text, "source:");
            vintage ??= Field(text, "vintage:");
            dimension ??= Field(text, "dimension:");
        }

        if (vintage is null)
        {
            throw new FormatException($"{name}: no '# vintage: ...' line before the header (WGI releases revise earlier years, so the vintage must be recorded).");
        }

        using var reader = new StringReader(content);
        return Parse(reader, name, source ?? "operator file " + Path.GetFileName(name), vintage, dimension ?? "as supplied (the method uses the average of the six dimensions)");
    }

    private static string? Field(string text, string key) =>
        text.StartsWith(key, StringComparison.OrdinalIgnoreCase) && text[key.Length..].Trim() is { Length: > 0 } value ? value : null;

    private static WgiTable LoadShipped()
    {
        using var stream = typeof(WgiTable).Assembly.GetManifestResourceStream("Alerts.Compute.SupplyRisk.wgi-political-stability.csv")
            ?? throw new InvalidOperationException("Shipped WGI table missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader, "wgi-political-stability.csv", "World Bank WGI, CC BY 4.0", "WGI release before 2024 (data 2020-2022)", "political stability (PV.EST)");
    }
}
