namespace Alerts.Platform.Bus;

/// <summary>What one drain run did.</summary>
/// <param name="Received">Messages received (a message redelivered within the run counts again).</param>
/// <param name="Retried">Scheduled for later or abandoned at the handler's request.</param>
/// <param name="Abandoned">Given back because the handler threw or its settlement failed (redelivered later).</param>
/// <param name="Skipped">Retry copies meant for another subscription of the topic, completed unhandled.</param>
public sealed record DrainSummary(int Received, int Completed, int Retried, int DeadLettered, int Abandoned, int Skipped, TimeSpan Elapsed);
