using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Alerts.Functions.Http;

/// <summary>Reads a JSON request body, turning malformed JSON into a problem that says where.</summary>
internal static class JsonBody
{
    /// <summary>Larger bodies are refused: no request of this API needs more.</summary>
    public const int MaxBytes = 64 * 1024;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static async Task<(T? Value, IActionResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge(request));
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

        buffer.Position = 0;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(buffer, Options, cancellationToken);
            return value is null
                ? (null, Problems.BadRequest(request, "The request body is empty; a JSON object is expected."))
                : (value, null);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } path ? $" at {path}" : string.Empty;
            return (null, Problems.BadRequest(request, $"The request body is not valid JSON{where} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})."));
        }
    }

    private static IActionResult TooLarge(HttpRequest request) =>
        Problems.Problem(request, StatusCodes.Status413PayloadTooLarge, "The request body is too large.", $"At most {MaxBytes} bytes are accepted.");
}
