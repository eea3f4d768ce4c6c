namespace Alerts.DevStack.Replay;

/// <summary>One request served by the replay server: what came in, what status went out, which fault if any.</summary>
/// <param name="Request">The request.</param>
/// <param name="Status">The status answered.</param>
/// <param name="Fault">Name of the injected fault applied, or null.</param>
/// <param name="Matched">True when a recording answered it.</param>
public sealed record ReplayExchange(ReplayRequest Request, int Status, string? Fault, bool Matched);
