using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Alerts.Pull.Sources.Resilience;

/// <summary>
/// How long a server asked us to wait: the Retry-After header (seconds or a date), or Comtrade's 429 body
/// <c>"Rate limit is exceeded. Try again in N seconds."</c>.
/// </summary>
public static partial class RetryAfter
{
    public static TimeSpan? FromHeaders(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var ra = headers.RetryAfter;
        if (ra?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (ra?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    public static TimeSpan? FromBody(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        var m = TryAgainPattern().Match(body);
        return m.Success && double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and < 86400 * 2
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    [GeneratedRegex(@"[Tt]ry again in (\d+(?:\.\d+)?) second")]
    private static partial Regex TryAgainPattern();
}
