using Alerts.Evaluate.Lifecycle;
using Alerts.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Web;

/// <summary>
/// <c>/api/web/alerts/{fingerprint}</c>: one alert as a page (<see cref="AlertPage"/>), the target of the links in mails
/// and cards. Anonymous at the function-key level like every page (a person following a link holds no key); the caller
/// comes from App Service authentication, and without one the sign-in page answers. Alerts are about public trade data,
/// not about a subscriber: every signed-in caller sees every alert, as on the material pages.
/// </summary>
public sealed class WebAlertFunctions(AlertStore alerts, MaterialOverview overview)
{
    [Function(nameof(WebAlert))]
    public async Task<IActionResult> WebAlert(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "web/alerts/{fingerprint}")] HttpRequest request, string fingerprint, CancellationToken cancellationToken)
    {
        if (CallerIdentity.PrincipalOf(request) is not { } caller)
        {
            return Html.SignIn(request);
        }

        if (!AlertPage.IsFingerprint(fingerprint) || await alerts.FindAsync(fingerprint, cancellationToken) is not { } alert)
        {
            return Html.NotFound(request, caller, $"There is no alert '{AlertPage.Clip(fingerprint)}'.");
        }

        var others = new List<AlertRecord>();
        await foreach (var other in alerts.ListBySeriesAsync(alert.Reporter, alert.Product, cancellationToken))
        {
            if (other.Fingerprint != alert.Fingerprint && other.State != AlertStatus.Inactive)
            {
                others.Add(other);
            }
        }

        others.Sort((a, b) => string.CompareOrdinal(a.RuleId + "/" + a.Basis, b.RuleId + "/" + b.Basis));
        var materials = overview.Materials.Where(m => MaterialSeries.Candidates(m).Any(c => c.Product == alert.Product)).ToList();
        return Html.Page(request, AlertPage.Title(alert), "overview", caller, AlertPage.Body(alert, others, materials));
    }
}
