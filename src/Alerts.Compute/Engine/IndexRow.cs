using Alerts.Pull.Statistics;

namespace Alerts.Compute.Engine;

/// <summary>
/// The concentration indices of one series (reporter, product, flow) on one basis, window and period,
/// with the changes against the previous period and the same period a year earlier. When there are no
/// suppliers (no amounts, or all zero) every index is 0, <see cref="TopSupplier"/> is null and
/// <see cref="Suppliers"/> is 0: rules must test <see cref="Suppliers"/> before reading an index.
/// </summary>
public sealed record IndexRow
{
    public required string Reporter { get; init; }

    public required string Product { get; init; }

    public required TradeFlow Flow { get; init; }

    public required Basis Basis { get; init; }

    public required IndexWindow Window { get; init; }

    /// <summary>The month (monthly, rolling: the last month of the window) or year (annual).</summary>
    public required Period Period { get; init; }

    /// <summary>Exact sum of the reported amounts (kg or currency units) over all partners in scope.</summary>
    public required decimal Total { get; init; }

    /// <summary>Partners with a positive amount.</summary>
    public required int Suppliers { get; init; }

    /// <summary>Partners that appear in the window but whose amount on this basis was never reported (confidential).</summary>
    public int UnreportedPartners { get; init; }

    /// <summary>Herfindahl-Hirschman index on percentage shares, 0..10000.</summary>
    public required double Hhi { get; init; }

    /// <summary>HHI as a fraction 0..1 (the form used in the EU supply-risk formula).</summary>
    public double HhiFraction => Hhi / 10000d;

    /// <summary>(H - 1/N) / (1 - 1/N), 0..1; defined as 1 for a single supplier and 0 for none.</summary>
    public required double HhiNormalized { get; init; }

    /// <summary>Largest share, fraction 0..1 (the CRMA 65% test when the scope is third countries).</summary>
    public required double Cr1 { get; init; }

    /// <summary>Sum of the three largest shares, fraction 0..1.</summary>
    public required double Cr3 { get; init; }

    /// <summary>Partner with the largest share (ties broken by code, ordinal), null without suppliers.</summary>
    public required string? TopSupplier { get; init; }

    /// <summary>1/H: the number of equal suppliers with the same HHI; 0 without suppliers.</summary>
    public required double EquivalentSuppliers { get; init; }

    /// <summary>Shannon entropy -sum s ln s (nats); 0 for one supplier or none.</summary>
    public required double Entropy { get; init; }

    /// <summary>exp(entropy), the entropy's equivalent number of suppliers (>= 1/H); 0 without suppliers.</summary>
    public double ExpEntropy => Suppliers == 0 ? 0 : Math.Exp(Entropy);

    /// <summary>Months with observations in the window: 1 for monthly, up to 12 otherwise (12 for annual data).</summary>
    public required int MonthsCovered { get; init; }

    /// <summary>True when every month of the window had observations (always true for monthly rows and annual data).</summary>
    public bool IsComplete => Window == IndexWindow.Monthly || MonthsCovered == 12;

    /// <summary>True for an annual row computed from annual observations rather than from months.</summary>
    public bool FromAnnualData { get; init; }

    /// <summary>Against the previous month (monthly, rolling) or year (annual); null when that row does not exist.</summary>
    public IndexChange? ChangeFromPrevious { get; init; }

    /// <summary>Against the same period a year earlier; null when that row does not exist.</summary>
    public IndexChange? ChangeFromYearAgo { get; init; }

    public SeriesKey Series => new(Reporter, Product, Flow);

    /// <summary>A row from the kernel's values (the one place the engine's rows are dressed with every index).</summary>
    internal static IndexRow Of(
        string reporter, string product, TradeFlow flow, Basis basis, IndexWindow window, Period period, in IndexValues v, string? topSupplier,
        int monthsCovered, bool fromAnnualData, IndexChange? changeFromPrevious, IndexChange? changeFromYearAgo) => new()
    {
        Reporter = reporter,
        Product = product,
        Flow = flow,
        Basis = basis,
        Window = window,
        Period = period,
        Total = v.Total,
        Suppliers = v.Suppliers,
        UnreportedPartners = v.UnreportedPartners,
        Hhi = v.HhiFraction * 10000d,
        HhiNormalized = v.HhiNormalized,
        Cr1 = v.Cr1,
        Cr3 = v.Cr3,
        TopSupplier = topSupplier,
        EquivalentSuppliers = v.EquivalentSuppliers,
        Entropy = v.Entropy,
        MonthsCovered = monthsCovered,
        FromAnnualData = fromAnnualData,
        ChangeFromPrevious = changeFromPrevious,
        ChangeFromYearAgo = changeFromYearAgo,
    };
}
