namespace Alerts.Pull.Statistics;

/// <summary>A response body exactly as the source sent it, kept for audit beside the observations read from it.</summary>
/// <param name="Extension"><c>json</c> or <c>csv</c>.</param>
public sealed record RawPayload(string Origin, string Extension, ReadOnlyMemory<byte> Bytes);
