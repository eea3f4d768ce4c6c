using System.Globalization;

namespace Alerts.Pull.Sources.Comtrade;

/// <summary>
/// Sits inside the resilience pipeline so every attempt, retries included, is counted against the daily budget;
/// refuses (without calling) once the budget is spent.
/// </summary>
public sealed class ComtradeBudgetHandler(ComtradeCallBudget budget) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!budget.TryConsume())
        {
            throw new TradeSourceException(ComtradeClient.SourceName, "(any)", string.Create(CultureInfo.InvariantCulture,
                $"daily call budget of {budget.DailyLimit} calls is spent; it resets at {budget.ResetsAt:yyyy-MM-dd HH:mm} UTC"))
            {
                NotAttempted = true,
            };
        }

        return base.SendAsync(request, cancellationToken);
    }
}
