using System.Globalization;
using Alerts.Pull.Sources;

namespace Alerts.Pull;

/// <summary>Run ids: the start time (sortable) plus a random suffix, so overlapping runs never share one.</summary>
public static class RunIds
{
    public static string New(DateTimeOffset startedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"run-{startedAt:yyyyMMddTHHmmssZ}-{Guid.NewGuid().ToString("N")[..8]}");
}
