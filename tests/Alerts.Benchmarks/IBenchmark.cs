namespace Alerts.Benchmarks;

/// <summary>
/// A benchmark that runs the product's code and a baseline side by side in one run and prints both
/// figures and their ratio. Discovered by <see cref="Program"/>; add a class, nothing else.
/// </summary>
public interface IBenchmark
{
    /// <summary>Command-line name, e.g. <c>servicebus</c>.</summary>
    string Name { get; }

    string Description { get; }

    Task<int> RunAsync(string[] args);
}
