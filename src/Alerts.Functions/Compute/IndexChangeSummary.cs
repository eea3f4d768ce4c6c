using System.Text.Json.Serialization;
using Alerts.Compute.Engine;
using Alerts.Compute.IndexSet;
using Alerts.Functions.Pull;

namespace Alerts.Functions.Compute;

/// <summary>
/// How an index row moved against an earlier row of the same series, basis and window, as the HTTP API shows
/// it: each field is this row's value minus the earlier one (the rule metrics <c>hhiChangeFromPrevious</c>, ...).
/// </summary>
/// <param name="Against">The earlier period compared with.</param>
/// <param name="Change">The deltas; written as the fields of <see cref="IndexFields.Changed"/> after <c>against</c> (<see cref="IndexJson"/>).</param>
/// <param name="TotalRelative">Relative change of the total (0.1 = +10%); null when the earlier total was zero.</param>
/// <param name="TopSupplierChanged">The largest supplier differs from the earlier row's.</param>
public sealed record IndexChangeSummary(
    string Against,
    [property: JsonIgnore] IndexChange Change,
    decimal TotalBefore,
    double? TotalRelative,
    string? TopSupplierBefore,
    bool TopSupplierChanged)
{
    public static IndexChangeSummary? From(IndexChange? change, string? topSupplier) => change is not { } c ? null : new(
        c.Against.ToString(),
        c,
        c.TotalBefore,
        c.TotalRelative,
        c.TopSupplierBefore,
        !string.Equals(c.TopSupplierBefore, topSupplier, StringComparison.Ordinal));
}
