using Alerts.Pull.Statistics;

namespace Alerts.Compute.Engine.SdmxCsvLoading;

/// <summary>A row whose indicator was already given for its series, partner and period (codes by the parser's ids).</summary>
internal sealed record DuplicateRow(int Line, int Reporter, int Partner, int Product, TradeFlow Flow, int PeriodCode, int Indicator);
