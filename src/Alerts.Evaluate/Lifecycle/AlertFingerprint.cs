using System.Security.Cryptography;
using System.Text;
using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;

namespace Alerts.Evaluate.Lifecycle;

/// <summary>
/// Stable identities: an alert's fingerprint (rule + series + basis, + window unless published, + source unless Comext) and an event's id (fingerprint + state +
/// period + vintage). SHA-256 based, so they are the same in every process and on every run, which lets
/// Service Bus duplicate detection drop a re-published event.
/// </summary>
public static class AlertFingerprint
{
    /// <summary>32 lower-case hex characters.</summary>
    public static string Compute(string ruleId, SeriesKey series, Basis basis) =>
        series.HasOtherSource
            ? Hash("alert", ruleId, series.Reporter, series.Product, FlowName(series.Flow), BasisName(basis), "source=" + series.Source)
            : Hash("alert", ruleId, series.Reporter, series.Product, FlowName(series.Flow), BasisName(basis));

    /// <summary>
    /// As <see cref="Compute(string, SeriesKey, Basis)"/> for the published window, so alerts of rules written
    /// before windows existed keep their ids; any other window is hashed in. A Comext series' alert keeps the id it had
    /// before sources were told apart; another source (<c>comtrade</c>) is hashed in, so the same rule on both sources'
    /// series of one product is two alerts.
    /// </summary>
    public static string Compute(string ruleId, SeriesKey series, Basis basis, IndexSelection window) =>
        window == IndexSelection.Published ? Compute(ruleId, series, basis)
        : series.HasOtherSource ? Hash("alert", ruleId, series.Reporter, series.Product, FlowName(series.Flow), BasisName(basis), window.ToName(), "source=" + series.Source)
        : Hash("alert", ruleId, series.Reporter, series.Product, FlowName(series.Flow), BasisName(basis), window.ToName());

    /// <summary>32 lower-case hex characters.</summary>
    public static string EventId(string fingerprint, AlertState state, Period period, string vintage) =>
        Hash("event", fingerprint, state switch { AlertState.Firing => "firing", AlertState.NoData => "nodata", _ => "resolved" }, period.ToString(), vintage);

    /// <summary>An event about missing data: <paramref name="kind"/> and <paramref name="detail"/> tell one no-data
    /// event of an alert from another (the same inputs give the same id, so a re-run's event is a dropped duplicate).</summary>
    public static string NoDataEventId(string fingerprint, string kind, Period period, string vintage, string detail) =>
        Hash("event", fingerprint, kind, period.ToString(), vintage, detail);

    /// <summary>The firing event told when an alert's inhibition ends without a state change (<paramref name="inhibitors"/>: what inhibited it).</summary>
    public static string InhibitionLiftedEventId(string fingerprint, Period period, string vintage, IReadOnlyList<string> inhibitors) =>
        Hash("event", fingerprint, "inhibition-lifted", period.ToString(), vintage, string.Join(',', inhibitors));

    public static string FlowName(TradeFlow flow) => flow == TradeFlow.Import ? "import" : "export";

    public static string BasisName(Basis basis) => basis == Basis.Weight ? "weight" : "value";

    private static string Hash(params string[] parts)
    {
        // The unit separator cannot occur in codes or ids, so distinct part lists never hash the same text.
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return Convert.ToHexStringLower(bytes, 0, 16);
    }
}
