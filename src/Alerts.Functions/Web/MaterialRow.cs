using Alerts.Pull.Catalog;

namespace Alerts.Functions.Web;

/// <summary>
/// A material on the overview: its headline series (the highest top-supplier share among the series of the chosen
/// stages that have data), how many of its alerts fire, and its state.
/// </summary>
public sealed record MaterialRow(Commodity Material, MaterialSeries? Headline, int Firing, MaterialState State)
{
    public double Cr1 => Headline?.Cr1 ?? double.NaN;

    public double Hhi => Headline?.Hhi ?? double.NaN;
}
