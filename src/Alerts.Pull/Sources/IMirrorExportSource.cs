using Alerts.Pull.Statistics;

namespace Alerts.Pull.Sources;

/// <summary>
/// Where the mirror check gets the other side: partners' reported exports to the EU (UN Comtrade, reporter = the
/// partner, partner = the EU), to compare with the EU's reported imports from them.
/// </summary>
public interface IMirrorExportSource
{
    /// <summary>Exports to the EU of <paramref name="product"/> reported by <paramref name="partners"/> (ISO-2) in <paramref name="years"/>.</summary>
    /// <returns>The data; null when the product or none of the partners can be asked (a CN8 code, no partner with an M49 code).</returns>
    /// <exception cref="TradeSourceException">The source failed or was not asked (call budget, open circuit).</exception>
    Task<TradeDataSet?> FetchExportsToEuAsync(string product, IReadOnlyCollection<string> partners, IReadOnlyList<int> years, CancellationToken cancellationToken);
}
