namespace Alerts.Pipeline.Messaging;

/// <summary>What one drain run did.</summary>
public sealed record DrainSummary(int Received, int Completed, int Retried, int DeadLettered);
