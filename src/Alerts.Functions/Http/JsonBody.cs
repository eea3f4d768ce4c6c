using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Alerts.Functions.Http;

/// <summary>
/// Reads a JSON request body: a body that is not declared as JSON (415), too large (413), not UTF-8, malformed, or
/// carrying a field the request does not take (400) becomes a problem that says which and where.
/// </summary>
internal static class JsonBody
{
    /// <summary>Larger bodies are refused: no request of this API needs more.</summary>
    public const int MaxBytes = 64 * 1024;

    // Unknown fields are refused: a misspelt "minSeverty" silently ignored would subscribe at another severity.
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public static async Task<(T? Value, IActionResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge(request));
        }

        if (!IsJson(request.ContentType))
        {
            return (null, Problems.Problem(request, StatusCodes.Status415UnsupportedMediaType, "The request body must be JSON.",
                $"Send it with Content-Type: application/json (this request said '{Shown(request.ContentType)}')."));
        }

        // Content-Length is absent on a chunked body: count what arrives and stop one byte past the limit.
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, TooLarge(request));
            }

            buffer.Write(chunk, 0, read);
        }

        if (!Utf8.IsValid(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
        {
            return (null, Problems.BadRequest(request, "The request body is not valid UTF-8."));
        }

        buffer.Position = 0;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(buffer, Options, cancellationToken);
            return value is null
                ? (null, Problems.BadRequest(request, "The request body is empty; a JSON object is expected."))
                : (value, null);
        }
        catch (JsonException e) when (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return (null, Problems.BadRequest(request, $"The request body has a field this request does not take: {e.Path}."));
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } path ? $" at {path}" : string.Empty;
            return (null, Problems.BadRequest(request, $"The request body is not valid JSON{where} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})."));
        }
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) && type.MediaType.Value is { } media
        && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    // The caller's own header, echoed in the problem: kept short and printable.
    private static string Shown(string? contentType) =>
        new string((contentType ?? string.Empty).Take(100).Where(c => !char.IsControl(c)).ToArray());

    private static IActionResult TooLarge(HttpRequest request) =>
        Problems.Problem(request, StatusCodes.Status413PayloadTooLarge, "The request body is too large.", $"At most {MaxBytes} bytes are accepted.");
}
