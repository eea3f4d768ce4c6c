namespace Alerts.DevStack;

/// <summary>One or more parts of the local stack failed to start; the parts that did start were stopped again.</summary>
public sealed class LocalStackStartException : Exception
{
    public LocalStackStartException(IReadOnlyList<(LocalStackComponents Component, Exception Error)> failures)
        : base("The local stack could not start: " + string.Join("; ", failures.Select(f => $"{f.Component}: {f.Error.Message}")),
            failures.Count == 1 ? failures[0].Error : new AggregateException(failures.Select(f => f.Error)))
    {
        Failed = failures.Select(f => f.Component).Aggregate(LocalStackComponents.None, (all, c) => all | c);
    }

    /// <summary>The parts that failed.</summary>
    public LocalStackComponents Failed { get; }
}
