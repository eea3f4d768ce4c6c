using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Alerts.DevStack.Azurite;

/// <summary>Azurite's console output: forwarded to the log, and read for readiness and start errors.</summary>
internal sealed class AzuriteOutput(ILogger logger)
{
    private const int Kept = 40;
    private readonly Lock _gate = new();
    private readonly Queue<string> _lines = new();
    private readonly HashSet<int> _listening = [];

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        logger.LogDebug("azurite: {Line}", line);
        lock (_gate)
        {
            _lines.Enqueue(line);
            if (_lines.Count > Kept)
            {
                _lines.Dequeue();
            }

            // "Azurite Blob service is successfully listening at http://127.0.0.1:10000"
            const string marker = "successfully listening at http://127.0.0.1:";
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && int.TryParse(line.AsSpan(at + marker.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                _listening.Add(port);
            }
        }
    }

    public bool SaysListening(int port)
    {
        lock (_gate)
        {
            return _listening.Contains(port);
        }
    }

    public bool MentionsPortInUse()
    {
        lock (_gate)
        {
            return _lines.Any(l => l.Contains("EADDRINUSE", StringComparison.Ordinal));
        }
    }

    public string Tail()
    {
        lock (_gate)
        {
            return string.Join(Environment.NewLine, _lines);
        }
    }
}
