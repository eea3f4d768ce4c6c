using System.Globalization;
using Alerts.Compute.Engine;

namespace Alerts.Compute.IndexSet;

/// <summary>What a field's value is, so each output writes it in its own form.</summary>
public enum IndexFieldKind
{
    /// <summary>An exact decimal amount (kg or currency units); stored as text so no digit is lost.</summary>
    Amount,

    /// <summary>A whole number (a count of suppliers).</summary>
    Count,

    /// <summary>A double-precision index; must be finite to be stored.</summary>
    Number,

    /// <summary>A code or null (a partner's ISO-2 code).</summary>
    Code,
}

/// <summary>
/// One field of the index set (<see cref="IndexFields"/>): its name in JSON, CSV, the HTTP API and rules, its column
/// in the <c>indices</c> table, its kind and how it is read from a row's indices and, when it has one, from a change.
/// </summary>
public sealed class IndexField
{
    private readonly Func<ConcentrationIndices, object?> read;
    private readonly Func<IndexChange, object?>? delta;

    internal IndexField(string name, string column, IndexFieldKind kind, string label, string description, Func<ConcentrationIndices, object?> read, Func<IndexChange, object?>? delta = null)
    {
        Name = name;
        Column = column;
        Kind = kind;
        Label = label;
        Description = description;
        this.read = read;
        this.delta = delta;
    }

    /// <summary>Name in the CLI's JSON and CSV, the HTTP API's JSON and rules (<c>hhi</c>).</summary>
    public string Name { get; }

    /// <summary>Column of the <c>indices</c> table (<c>Hhi</c>) for the fields in <see cref="IndexFields.Stored"/>.</summary>
    public string Column { get; }

    public IndexFieldKind Kind { get; }

    /// <summary>Short name used in the descriptions of its change metrics ("largest supplier's share").</summary>
    public string Label { get; }

    /// <summary>What it is, with its range: the rule metric's description.</summary>
    public string Description { get; }

    /// <summary>Largest meaningful value: rule thresholds above it (and changes beyond +-it) are rejected.</summary>
    public double Max { get; init; } = double.PositiveInfinity;

    /// <summary>False for a field rules may not test (the total: amounts are not comparable across products).</summary>
    public bool IsMetric { get; init; } = true;

    /// <summary>True when the field has a change against an earlier row (<see cref="Change"/>).</summary>
    public bool HasChange => delta is not null;

    /// <summary>The value: a decimal (<see cref="IndexFieldKind.Amount"/>), int, double or string/null.</summary>
    public object? Value(ConcentrationIndices indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        return read(indices);
    }

    /// <summary>The value as a double (rules compare doubles); NaN for a code.</summary>
    public double Number(ConcentrationIndices indices) => Value(indices) switch
    {
        double x => x,
        int n => n,
        decimal d => (double)d,
        _ => double.NaN,
    };

    /// <summary>This row's value minus the earlier row's, of the same kind as <see cref="Value"/>.</summary>
    /// <exception cref="InvalidOperationException">The field has no change.</exception>
    public object? Change(IndexChange change) =>
        delta is null ? throw new InvalidOperationException($"Index field '{Name}' has no change.") : delta(change);

    /// <summary>The change as a double, as for <see cref="Number"/>.</summary>
    public double ChangeNumber(IndexChange change) => Change(change) switch
    {
        double x => x,
        int n => n,
        decimal d => (double)d,
        _ => double.NaN,
    };

    /// <summary>Name of the change: <c>hhiChangeFromPrevious</c> for suffix <c>FromPrevious</c>.</summary>
    public string ChangeName(string suffix) => Name + "Change" + suffix;

    /// <summary>Column of the change: <c>HhiChangeFromPrevious</c> for suffix <c>FromPrevious</c>.</summary>
    public string ChangeColumn(string suffix) => Column + "Change" + suffix;

    /// <summary>The value as CSV writes it: invariant culture, doubles round-trip, null empty.</summary>
    public static string Text(object? value) => value switch
    {
        null => string.Empty,
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    public override string ToString() => Name;
}
