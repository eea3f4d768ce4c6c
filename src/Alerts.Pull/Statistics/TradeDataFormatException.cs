namespace Alerts.Pull.Statistics;

/// <summary>
/// A trade-statistics payload could not be read. The message names the source, the file or request
/// (<see cref="Origin"/>), where in the payload (<see cref="Location"/>: a line number or JSON path) and what
/// was wrong (<see cref="Problem"/>).
/// </summary>
public sealed class TradeDataFormatException : Exception
{
    public TradeDataFormatException(string source, string origin, string location, string problem, Exception? inner = null)
        : base($"{source} {origin}: {location}: {problem}", inner)
    {
        DataSource = source;
        Origin = origin;
        Location = location;
        Problem = problem;
    }

    public TradeDataFormatException()
        : this("unknown", "unknown", "unknown", "unreadable payload")
    {
    }

    public TradeDataFormatException(string message)
        : this("unknown", "unknown", "unknown", message)
    {
    }

    public TradeDataFormatException(string message, Exception inner)
        : this("unknown", "unknown", "unknown", message, inner)
    {
    }

    /// <summary>Source or format, e.g. <c>Comext JSON-stat</c>.</summary>
    public string DataSource { get; }

    /// <summary>File name or request URL the payload came from.</summary>
    public string Origin { get; }

    /// <summary><c>line 12</c>, <c>$.value['17']</c>, ...</summary>
    public string Location { get; }

    public string Problem { get; }
}
