
using Alerts.Functions.Compute;
using Alerts.Functions.Pull;
using Alerts.TestKit.Pipeline;
using Microsoft.AspNetCore.Mvc;

namespace Alerts.Functions.Tests;

/// <summary>
/// Request validation of <c>POST /api/recalculations</c>; it answers before any source is asked, so the pull
/// service is a seam here (the function is built without one: a request that reached it would throw).
/// </summary>
public sealed class RecalculationFunctionTests
{
    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"products":["85a511"]}""", "products[0]" }, // not digits
        { """{"products":["8"]}""", "products[0]" }, // too short for an HS chapter
        { """{"products":["850511","12345678901"]}""", "products[1]" }, // longer than CN8+2
        { """{"products":"850511"}""", "$.products" }, // wrong JSON type
        { """{"products":[""", "line 1" }, // truncated
        { """{"commodities":["Rare Earths"]}""", "commodities[0]" }, // a name, not an id
        { """{"commodities":["graphite","graphite/flakes"]}""", "commodities[1]" }, // not a stage
        { """{"commodities":["../graphite"]}""", "commodities[0]" }, // path characters
        { """{"commodities":"graphite"}""", "$.commodities" }, // wrong JSON type
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Recalculate_InvalidBody_ProblemNamesTheField(string body, string field)
    {
        var function = new RecalculationFunction(null!, null!);

        var result = await function.Recalculate(PipelineStack.Request("POST", "/api/recalculations", body, owner: "admin", admin: true), CancellationToken.None);

        var problem = Assert.IsAssignableFrom<ProblemDetails>(Assert.IsType<ObjectResult>(result).Value);
        Assert.Equal(400, problem.Status);
        var named = problem is ValidationProblemDetails v ? string.Join(" ", v.Errors.Keys) : problem.Detail;
        Assert.Contains(field, named, StringComparison.Ordinal);
    }

    public static TheoryData<string?, bool, int> Callers => new()
    {
        { null, false, 401 }, // nobody authenticated
        { "analyst", false, 403 }, // authenticated, without Alerts.Admin
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Recalculate_CallerWithoutAdminRole_RefusedBeforeAnythingElse(string? owner, bool admin, int status)
    {
        var function = new RecalculationFunction(null!, null!);

        var result = await function.Recalculate(PipelineStack.Request("POST", "/api/recalculations", "{}", owner, admin), CancellationToken.None);

        var problem = Assert.IsAssignableFrom<ProblemDetails>(Assert.IsType<ObjectResult>(result).Value);
        Assert.Equal(status, problem.Status);
    }
}
