using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Alerts.Functions.Http;

/// <summary>RFC 9457 problem details for every HTTP error the API returns.</summary>
internal static class Problems
{
    private const string ContentType = "application/problem+json";

    /// <param name="status">400 for malformed fields, 422 for well-formed values the request cannot be carried out with.</param>
    public static IActionResult Validation(HttpRequest request, IReadOnlyDictionary<string, string[]> errors, int status = StatusCodes.Status400BadRequest) =>
        Result(new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Title = status == StatusCodes.Status400BadRequest ? "The request is invalid." : "The request cannot be carried out.",
            Status = status,
            Detail = string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
            Type = status == StatusCodes.Status400BadRequest ? "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1" : "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
            Instance = request.Path,
        });

    public static IActionResult BadRequest(HttpRequest request, string detail) =>
        Problem(request, StatusCodes.Status400BadRequest, "The request is invalid.", detail);

    public static IActionResult Unauthorized(HttpRequest request) =>
        Problem(request, StatusCodes.Status401Unauthorized, "Caller not identified.",
            $"The request carries no caller identity that can be trusted: App Service authentication's {Identity.ClientPrincipalHeader.Principal} headers, or a valid bearer token.");

    public static IActionResult NotFound(HttpRequest request, string detail) =>
        Problem(request, StatusCodes.Status404NotFound, "Not found.", detail);

    public static IActionResult Problem(HttpRequest request, int status, string title, string detail) =>
        Result(new ProblemDetails { Title = title, Status = status, Detail = detail, Instance = request.Path });

    private static ObjectResult Result(ProblemDetails problem)
    {
        var result = new ObjectResult(problem) { StatusCode = problem.Status };
        result.ContentTypes.Add(ContentType);
        return result;
    }
}
