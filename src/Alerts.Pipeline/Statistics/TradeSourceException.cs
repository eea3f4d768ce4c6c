namespace Alerts.Pipeline.Statistics;

/// <summary>
/// A source request failed (HTTP error, timeout, open circuit, exhausted call budget). The message names the
/// source, the product and the request; the subscription key is never part of it.
/// </summary>
public sealed class TradeSourceException : Exception
{
    public TradeSourceException(string source, string product, string problem, int? statusCode = null, Exception? inner = null)
        : base($"{source} product {product}: {problem}", inner)
    {
        DataSource = source;
        Product = product;
        Problem = problem;
        StatusCode = statusCode;
    }

    public TradeSourceException()
        : this("unknown", "unknown", "request failed")
    {
    }

    public TradeSourceException(string message)
        : this("unknown", "unknown", message)
    {
    }

    public TradeSourceException(string message, Exception inner)
        : this("unknown", "unknown", message, null, inner)
    {
    }

    public string DataSource { get; }

    public string Product { get; }

    public string Problem { get; }

    /// <summary>The final HTTP status, when there was a response.</summary>
    public int? StatusCode { get; }
}
