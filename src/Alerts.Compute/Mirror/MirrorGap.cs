namespace Alerts.Compute.Mirror;

/// <summary>
/// One partner and year of the mirror check: what the EU says it imported from <see cref="Partner"/> (Comext) beside what
/// the partner says it exported to the EU (Comtrade), by weight.
/// </summary>
/// <param name="ReportedImportsKg">EU-reported imports from the partner; 0 when the EU reported none.</param>
/// <param name="MirrorExportsKg">Partner-reported exports to the EU; 0 when the partner reported none.</param>
/// <param name="RelativeGap">|imports - exports| / the larger of the two, 0..1 (1 = one side reported nothing).</param>
/// <param name="Flagged">The gap is above the check's threshold and the larger side above its minimum.</param>
public sealed record MirrorGap(string Product, string Partner, int Year, decimal ReportedImportsKg, decimal MirrorExportsKg, double RelativeGap, bool Flagged)
{
    /// <summary>Which side is larger: <c>imports</c> (more arrived than was declared leaving: transit, re-export through a third country) or <c>exports</c>.</summary>
    public string LargerSide => ReportedImportsKg >= MirrorExportsKg ? "imports" : "exports";
}
