using Alerts.Compute.Store;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.Evaluate.Lifecycle;
using Alerts.Functions.Http;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Route.NotificationLog;
using Alerts.Route.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Evaluate;

/// <summary><c>/api/alerts</c>: the alerts the rules keep, firing ones by default; one by fingerprint. JSON for programs (a function key);
/// the links in notifications open the web page's view, <c>/api/web/alerts/{fingerprint}</c>.</summary>
public sealed class AlertFunctions(AlertStore alerts)
{
    [Function(nameof(GetAlert))]
    public async Task<IActionResult> GetAlert(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "alerts/{fingerprint}")] HttpRequest request, string fingerprint, CancellationToken cancellationToken) =>
        await alerts.FindAsync(fingerprint, cancellationToken) is { } found
            ? new OkObjectResult(AlertView.From(found))
            : Problems.NotFound(request, $"There is no alert '{fingerprint}'.");

    [Function(nameof(ListAlerts))]
    public async Task<IActionResult> ListAlerts(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "alerts")] HttpRequest request, CancellationToken cancellationToken)
    {
        var text = request.Query["state"].ToString();
        var noData = string.Equals(text, "noData", StringComparison.OrdinalIgnoreCase);
        var state = AlertStatus.Firing;
        if (!noData && text.Length > 0 && !AlertStatuses.TryParse(text, out state))
        {
            return Problems.Validation(request, new Dictionary<string, string[]> { ["state"] = [$"Use one of {string.Join(", ", AlertStatuses.Names)}."] });
        }

        // A series without data shows as noData whatever state its rule was in, and only there.
        var result = new List<AlertView>();
        await foreach (var a in noData ? alerts.ListNoDataAsync(cancellationToken) : alerts.ListAsync(state, cancellationToken))
        {
            if (noData || a.NoDataAt is null)
            {
                result.Add(AlertView.From(a));
            }
        }

        return new OkObjectResult(result.OrderBy(a => a.Product, StringComparer.Ordinal).ThenBy(a => a.RuleId, StringComparer.Ordinal).ToList());
    }
}
