using Alerts.Pull.Statistics;

namespace Alerts.Compute.Stockpiling;

/// <summary>
/// How long a stock lasts if the top supplier stopped: <see cref="Months"/> = stock / average monthly imports from
/// that supplier over the 12 months to the stock's date (<see cref="From"/>..<see cref="To"/>; for annual data the
/// last calendar year ending by then). Weight basis, third-country suppliers only.
/// </summary>
/// <param name="Period">The row the figure belongs to (the last period of the 12 months): rules read it there.</param>
/// <param name="MonthlyTonnes">Average monthly imports from <see cref="TopSupplier"/> over the 12 months, in tonnes.</param>
/// <param name="Months">Stock / <see cref="MonthlyTonnes"/>; positive infinity when the top supplier sent nothing.</param>
public sealed record StockCover(
    string Series,
    decimal StockTonnes,
    DateOnly AsOf,
    Period From,
    Period To,
    Period Period,
    string TopSupplier,
    decimal MonthlyTonnes,
    double Months);
