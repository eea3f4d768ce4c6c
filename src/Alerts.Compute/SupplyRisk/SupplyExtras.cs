using Alerts.Compute.Mirror;
using Alerts.Compute.Stockpiling;

namespace Alerts.Compute.SupplyRisk;

/// <summary>
/// The EU's own share of a stage against the CRMA Article 5 benchmark (<see cref="StageBenchmark"/>) as stored and served:
/// extraction (ore) at least 10% of EU consumption, processing (intermediate, metal) at least 40%, beside the 65% test.
/// </summary>
/// <param name="Activity"><c>extraction</c> or <c>processing</c>.</param>
/// <param name="EuShare">EU production / apparent consumption (0..1).</param>
/// <param name="Benchmark">0.10 or 0.40.</param>
/// <param name="MeetsBenchmark">EU share at least the benchmark.</param>
/// <param name="TopThirdCountryShare">The largest third country's share (of consumption where known, else imports): the 65% test.</param>
/// <param name="ExceedsSingleCountryBenchmark">That share is above 65%.</param>
public sealed record BenchmarkSummary(
    string Activity, double EuShare, double Benchmark, bool MeetsBenchmark, string? TopSupplier, double TopThirdCountryShare, bool ExceedsSingleCountryBenchmark)
{
    public static BenchmarkSummary? From(StageBenchmark? b) => b is null ? null
        : new BenchmarkSummary(b.Activity, b.EuShare, b.Benchmark, b.MeetsBenchmark, b.TopSupplier, b.TopThirdCountryShare, b.ExceedsSingleCountryBenchmark);
}

/// <summary>The mirror check of a row's year as stored and served (<see cref="MirrorCheck"/>).</summary>
/// <param name="LargestGap">The largest gap among partners whose larger side is at least 1 t (rule metric <c>mirrorGap</c>).</param>
/// <param name="Threshold">The gap above which a partner is flagged (a third).</param>
/// <param name="Partners">Every partner, flagged first, then by gap.</param>
public sealed record MirrorSummary(int Year, double LargestGap, string? LargestGapPartner, double Threshold, IReadOnlyList<MirrorPartnerSummary> Partners)
{
    public static MirrorSummary? From(MirrorCheck? m) => m is null ? null
        : new MirrorSummary(m.Year, m.LargestGap, m.LargestGapPartner, MirrorCheckCalculator.DefaultThreshold,
            [.. m.Gaps.Select(g => new MirrorPartnerSummary(g.Partner, g.ReportedImportsKg, g.MirrorExportsKg, g.RelativeGap, g.LargerSide, g.Flagged))]);
}

/// <summary>One partner of the mirror check: EU-reported imports and the partner's reported exports to the EU, kg.</summary>
/// <param name="LargerSide"><c>imports</c> (more arrived than was declared leaving: transit, re-export) or <c>exports</c>.</param>
public sealed record MirrorPartnerSummary(string Partner, decimal ReportedImportsKg, decimal MirrorExportsKg, double RelativeGap, string LargerSide, bool Flagged);
