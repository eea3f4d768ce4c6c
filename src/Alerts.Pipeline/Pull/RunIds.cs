using System.Globalization;

namespace Alerts.Pipeline.Pull;

/// <summary>Run ids: the start time (sortable) plus a random suffix, so overlapping runs never share one.</summary>
internal static class RunIds
{
    public static string New(DateTimeOffset startedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"run-{startedAt:yyyyMMddTHHmmssZ}-{Guid.NewGuid().ToString("N")[..8]}");
}
