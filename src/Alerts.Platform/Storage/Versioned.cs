using Azure;

namespace Alerts.Platform.Storage;

/// <summary>A stored value with the ETag to pass back for an optimistic-concurrency write.</summary>
public sealed record Versioned<T>(T Value, ETag ETag);
