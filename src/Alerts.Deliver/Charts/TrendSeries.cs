using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;

namespace Alerts.Deliver.Charts;

/// <summary>The import trend of one series on one basis and window, oldest period first, with the name it is shown under.</summary>
/// <param name="Product">A product code (<c>850511</c>) or a commodity series (<c>graphite/ore</c>).</param>
/// <param name="Name">Readable name of the material or product, e.g. <c>Graphite (battery grade) (ore)</c>.</param>
public sealed record TrendSeries(string Reporter, string Product, string Name, Basis Basis, IndexSelection Window, IReadOnlyList<TrendPoint> Points)
{
    /// <summary>The same series with <paramref name="revised"/> periods marked (e.g. alerted periods a later vintage changed).</summary>
    public TrendSeries WithRevisions(IReadOnlySet<Period> revised) =>
        revised.Count == 0 ? this : this with { Points = [.. Points.Select(p => revised.Contains(p.Period) ? p with { Revised = true } : p)] };

    public TrendPoint? Latest => Points.Count == 0 ? null : Points[^1];

    /// <summary>"by weight" or "by value", and the window when it is not the published periods.</summary>
    public string Measure => (Basis == Basis.Weight ? "by weight" : "by value")
        + (Window == IndexSelection.Rolling12 ? ", rolling 12 months" : Window == IndexSelection.Published ? string.Empty : ", " + Window.ToName());
}
