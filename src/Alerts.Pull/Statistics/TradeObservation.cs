namespace Alerts.Pull.Statistics;

/// <summary>
/// One reported trade flow between a reporter and a partner for one product and period.
/// Missing or confidential figures are <c>null</c>, never zero.
/// </summary>
/// <param name="Reporter">Reporting economy: <c>EU27_2020</c> or an ISO-2 code.</param>
/// <param name="Partner">Partner country, ISO-2 (aggregates are filtered out by the partner scope, not here).</param>
/// <param name="Product">HS/CN product code as published, without spaces or dots.</param>
/// <param name="QuantityKg">Net weight in kilograms (Comext 100 kg units are converted).</param>
/// <param name="Value">Trade value in <paramref name="Currency"/>.</param>
/// <param name="Currency"><c>EUR</c> (Comext) or <c>USD</c> (Comtrade).</param>
public sealed record TradeObservation(
    string Reporter,
    string Partner,
    string Product,
    TradeFlow Flow,
    Period Period,
    decimal? QuantityKg,
    decimal? Value,
    string Currency)
{
    /// <summary>The amount on the given basis, or null when it was not reported.</summary>
    public decimal? Amount(Basis basis) => basis == Basis.Weight ? QuantityKg : Value;
}
