using Alerts.Pull.Statistics;

namespace Alerts.Pull.Sources.Comext;

/// <summary>
/// A Comext DS-045409 extraction: products, reporters, partners (empty = every partner), flows, indicators and an
/// inclusive period range (annual periods for <c>freq=A</c>, months for <c>freq=M</c>).
/// </summary>
public sealed record ComextQuery
{
    public required IReadOnlyList<string> Products { get; init; }

    public IReadOnlyList<string> Reporters { get; init; } = ["EU27_2020"];

    /// <summary>Empty: all partners (the aggregates and member states are filtered later by the partner scope).</summary>
    public IReadOnlyList<string> Partners { get; init; } = [];

    public IReadOnlyList<TradeFlow> Flows { get; init; } = [TradeFlow.Import];

    public IReadOnlyList<string> Indicators { get; init; } = [ComextIndicators.QuantityIn100Kg, ComextIndicators.ValueInEuros];

    public required Period From { get; init; }

    public required Period To { get; init; }

    /// <summary><c>A</c> or <c>M</c>, from the periods.</summary>
    public string Frequency => From.IsAnnual ? "A" : "M";

    /// <summary>Products joined for messages.</summary>
    public string ProductLabel => string.Join("+", Products);

    /// <summary>Checks the query is well formed (periods of one kind, in order; at least one product).</summary>
    public void Validate()
    {
        if (Products.Count == 0 || Products.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A Comext query needs at least one product code.");
        }

        if (From.IsAnnual != To.IsAnnual || From > To)
        {
            throw new ArgumentException($"Period range {From}..{To} must be two years or two months, in order.");
        }
    }
}
