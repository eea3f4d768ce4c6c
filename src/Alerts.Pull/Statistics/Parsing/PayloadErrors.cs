using System.Globalization;

namespace Alerts.Pull.Statistics.Parsing;

/// <summary>Builds the errors every reader raises, so they read alike.</summary>
internal sealed class PayloadErrors(string source, string origin)
{
    public string Source => source;

    public string Origin => origin;

    public TradeDataFormatException At(string location, string problem, Exception? inner = null) =>
        new(source, origin, location, problem, inner);

    public TradeDataFormatException TooLarge(long maxBytes) =>
        At("payload", string.Create(CultureInfo.InvariantCulture, $"payload exceeds the limit of {maxBytes} bytes ({maxBytes / (1024 * 1024)} MiB); narrow the request or raise the limit"));
}
