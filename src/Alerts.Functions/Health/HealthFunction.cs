using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Health;

/// <summary>
/// <c>GET /api/health</c>: whether the app reaches its storage account and Service Bus, by name (503 when one is not);
/// <c>GET /api/health/live</c>: liveness, no I/O. Both anonymous, so probes need no key; the dependency checks are
/// cached briefly, so anonymous callers cannot turn them into load.
/// </summary>
public sealed class HealthFunction(DependencyHealth dependencies)
{
    [Function("Health")]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken)
    {
        var report = await dependencies.CheckAsync(cancellationToken);
        return new ObjectResult(report) { StatusCode = report.Status == "ok" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable };
    }

    [Function("Liveness")]
    public IActionResult Live([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health/live")] HttpRequest request) =>
        new OkObjectResult(new { status = "ok" });
}
