using System.Globalization;

namespace Alerts.Pull.Sources;

/// <summary>Reads a response body into memory up to a limit, so a huge or endless body is an error, not memory growth.</summary>
internal static class ResponseBody
{
    public static async Task<MemoryStream> ReadAsync(HttpResponseMessage response, long maxBytes, string source, string product, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            throw new TradeSourceException(source, product, string.Create(CultureInfo.InvariantCulture, $"response body of {declared} bytes exceeds the limit of {maxBytes} bytes"), (int)response.StatusCode);
        }

        var buffer = new MemoryStream();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var chunk = new byte[81920];
        int n;
        while ((n = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + n > maxBytes)
            {
                throw new TradeSourceException(source, product, string.Create(CultureInfo.InvariantCulture, $"response body exceeds the limit of {maxBytes} bytes"), (int)response.StatusCode);
            }

            buffer.Write(chunk, 0, n);
        }

        buffer.Position = 0;
        return buffer;
    }

    /// <summary>The start of an error body, for a message.</summary>
    public static async Task<string> SnippetAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            text = text.ReplaceLineEndings(" ").Trim();
            return text.Length > 300 ? text[..300] + "..." : text;
        }
        catch (HttpRequestException)
        {
            return string.Empty;
        }
    }
}
