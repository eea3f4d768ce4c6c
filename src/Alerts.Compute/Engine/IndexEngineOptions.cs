using Alerts.Pull.Statistics;

namespace Alerts.Compute.Engine;

/// <summary>What an <see cref="IndexEngine"/> computes. Defaults: every window, both bases.</summary>
public sealed class IndexEngineOptions
{
    /// <summary>Windows to emit rows for, in output order.</summary>
    public IReadOnlyList<IndexWindow> Windows { get; init; } = [IndexWindow.Monthly, IndexWindow.Annual, IndexWindow.Rolling12];

    /// <summary>Bases to emit rows for, in output order.</summary>
    public IReadOnlyList<Basis> Bases { get; init; } = [Basis.Weight, Basis.Value];
}
