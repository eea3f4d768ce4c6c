namespace Alerts.Platform.Bus;

/// <summary>
/// What a step maps an item to, besides its JSON body: the message id (deterministic, so duplicate detection drops
/// a re-publish), the correlation id, a subject for people reading the queue, and the application properties
/// subscription filters read. Never a secret: ids, subject and properties are visible to every reader and logger.
/// </summary>
public sealed record MessageEnvelope(string MessageId, string CorrelationId, string Subject, IReadOnlyDictionary<string, object> Properties);
