using System.Globalization;
using Alerts.Compute.Engine;

namespace Alerts.Compute.SupplyRisk;

/// <summary>
/// The EU supply-risk indicator of the 2017 criticality methodology (formula and parameters: this folder's README.md):
/// <c>SR = [HHI_WGI(global) * IR/2 + HHI_WGI(EU sourcing) * (1 - IR/2)] * (1 - EoL_RIR) * SI</c> with
/// <c>HHI_WGI = sum s_c^2 * WGI_c * t_c</c> (shares as fractions, WGI rescaled 0..10 by
/// <see cref="WgiTable.Rescale"/>, t_c applied in both terms), computed per stage; the higher stage is the
/// bottleneck. Defaults (each listed in <see cref="StageRisk.Defaults"/>, making the result indicative):
/// WGI of a country missing from the table = 5 (mid-scale); the shipped single-dimension table; import
/// reliance 1 when nothing is known, or production 0 when only trade is known; EoL-RIR 0; SI 1; t_c 1.
/// </summary>
public sealed class SupplyRiskCalculator(WgiTable? wgi = null)
{
    /// <summary>WGI on the 0..10 scale used for a country the table does not have.</summary>
    public const double MissingWgi = 5.0;

    private readonly WgiTable wgi = wgi ?? WgiTable.Shipped;

    public SupplyRiskResult Compute(string material, int year, IReadOnlyList<StageInputs> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        if (stages.Count == 0)
        {
            throw new ArgumentException("At least one stage is needed.", nameof(stages));
        }

        var risks = new List<StageRisk>(stages.Count);
        foreach (var s in stages)
        {
            risks.Add(ComputeStage(s, year));
        }

        var bottleneck = risks[0];
        foreach (var r in risks)
        {
            if (r.SupplyRisk > bottleneck.SupplyRisk)
            {
                bottleneck = r;
            }
        }

        return new SupplyRiskResult(material, year, risks, bottleneck.Stage, bottleneck.SupplyRisk, wgi.Source, wgi.Vintage, wgi.Dimension);
    }

    private StageRisk ComputeStage(StageInputs s, int year)
    {
        var defaults = new List<string>();
        if (ReferenceEquals(wgi, WgiTable.Shipped))
        {
            defaults.Add("WGI: shipped political-stability table, not the six-dimension average of the method");
        }

        if (s.TradeRestrictions is null)
        {
            defaults.Add("t_c = 1 for every country (no trade-restriction input)");
        }

        var global = HhiWgi(s.GlobalSupply, s.TradeRestrictions, year, "global supply", defaults);
        var eu = HhiWgi(s.EuSourcing, s.TradeRestrictions, year, "EU sourcing", defaults);
        var ir = ImportReliance(s, defaults);
        var eol = s.EolRir ?? Default(0, "EoL-RIR = 0 (not supplied)", defaults);
        var si = s.SubstitutionIndex ?? Default(1, "SI = 1 (not supplied)", defaults);
        eol = Math.Clamp(eol, 0, 1);
        var sr = ((global * ir / 2) + (eu * (1 - (ir / 2)))) * (1 - eol) * si;
        return new StageRisk(s.Stage, sr, global, eu, ir, eol, si, defaults);
    }

    private double HhiWgi(IReadOnlyList<SupplierAmount> supply, IReadOnlyDictionary<string, double>? restrictions, int year, string what, List<string> defaults)
    {
        var shares = ConcentrationCalculator.Compute(supply).TopSuppliers;
        if (shares.Count == 0)
        {
            defaults.Add($"{what}: no supply figures, HHI_WGI = 0");
            return 0;
        }

        // Sum in the calculator's canonical order (share descending, ties by code): order-independent.
        double sum = 0;
        foreach (var share in shares)
        {
            double scaled;
            if (wgi.TryGetEstimate(share.Partner, year, out var estimate, out var used))
            {
                scaled = WgiTable.Rescale(estimate);
                if (used != year)
                {
                    defaults.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: WGI {used} used for {share.Partner} (no {year} value)"));
                }
            }
            else
            {
                scaled = MissingWgi;
                defaults.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: WGI missing for {share.Partner}, {MissingWgi} used"));
            }

            var t = restrictions is not null && restrictions.TryGetValue(share.Partner, out var tc) ? Math.Max(tc, 1) : 1;
            sum += share.Share * share.Share * scaled * t;
        }

        return sum;
    }

    private static double ImportReliance(StageInputs s, List<string> defaults)
    {
        if (s.ImportReliance is { } given)
        {
            return Math.Clamp(given, 0, 1);
        }

        if (s.Imports is not { } imports)
        {
            return Default(1, "import reliance = 1 (no import reliance or trade figures)", defaults);
        }

        var exports = s.Exports ?? 0;
        if (s.Exports is null)
        {
            defaults.Add("exports = 0 (not supplied) in import reliance");
        }

        var production = s.Production ?? 0;
        if (s.Production is null)
        {
            defaults.Add("production = 0 (not supplied) in import reliance");
        }

        var consumption = production + imports - exports;
        var net = imports - exports;
        if (consumption <= 0 || net <= 0)
        {
            return 0;
        }

        return Math.Clamp((double)(net / consumption), 0, 1);
    }

    private static double Default(double value, string note, List<string> defaults)
    {
        defaults.Add(note);
        return value;
    }
}
