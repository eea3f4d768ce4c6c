namespace Alerts.Pull.Sources;

/// <summary>
/// A source request failed (HTTP error, timeout) or was not sent (open circuit, exhausted call budget: <see cref="NotAttempted"/>). The message names the
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

    /// <summary>
    /// The source was not called for this request, by our own choice: the daily call budget is spent, the circuit
    /// is open, or too many requests are queued. A pull reports such a product as skipped, not failed.
    /// </summary>
    public bool NotAttempted { get; init; }
}
