using Alerts.Pull.Statistics;

namespace Alerts.Pull.Sources.Comtrade;

/// <summary>A Comtrade v1 request: one reporter (M49 code, 97 = EU), HS6 products, one flow and a list of periods of one frequency.</summary>
public sealed record ComtradeQuery
{
    public required IReadOnlyList<string> Products { get; init; }

    /// <summary>M49 reporter code; 97 is the European Union.</summary>
    public int ReporterCode { get; init; } = 97;

    /// <summary>Several reporters in one request (the mirror check: the EU's partners); set, it replaces <see cref="ReporterCode"/>.</summary>
    public IReadOnlyList<int>? ReporterCodes { get; init; }

    /// <summary>One partner (M49; 97 = the EU, for the mirror check's exports to the EU); null = every partner.</summary>
    public int? PartnerCode { get; init; }

    /// <summary>The reporter codes asked for, comma-separated.</summary>
    public string ReporterCodeList => ReporterCodes is { Count: > 0 } codes
        ? string.Join(",", codes.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        : ReporterCode.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public TradeFlow Flow { get; init; } = TradeFlow.Import;

    public required IReadOnlyList<Period> Periods { get; init; }

    public string Frequency => Periods.Count > 0 && !Periods[0].IsAnnual ? "M" : "A";

    public string ProductLabel => string.Join("+", Products);

    /// <summary>Comtrade period codes: <c>2024</c> or <c>202403</c>.</summary>
    public IEnumerable<string> PeriodCodes => Periods.Select(p => p.IsAnnual ? $"{p.Year:D4}" : $"{p.Year:D4}{p.Month:D2}");

    public void Validate()
    {
        if (Products.Count == 0 || Periods.Count == 0)
        {
            throw new ArgumentException("A Comtrade query needs at least one product and one period.");
        }

        if (Periods.Select(p => p.IsAnnual).Distinct().Count() > 1)
        {
            throw new ArgumentException("A Comtrade query's periods must all be years or all be months.");
        }
    }
}
