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
    // One typed reader per kind (the others null), so writers get values without boxing: alerts indices writes
    // millions of rows through them.
    private readonly Func<ConcentrationIndices, decimal>? amount;
    private readonly Func<ConcentrationIndices, int>? count;
    private readonly Func<ConcentrationIndices, double>? number;
    private readonly Func<ConcentrationIndices, string?>? code;
    private readonly Func<IndexChange, decimal>? amountChange;
    private readonly Func<IndexChange, int>? countChange;
    private readonly Func<IndexChange, double>? numberChange;

    private IndexField(string name, string column, IndexFieldKind kind, string label, string description)
    {
        Name = name;
        Column = column;
        Kind = kind;
        Label = label;
        Description = description;
    }

    private IndexField(string name, string column, string label, string description, Func<ConcentrationIndices, decimal> read, Func<IndexChange, decimal>? delta)
        : this(name, column, IndexFieldKind.Amount, label, description) => (amount, amountChange) = (read, delta);

    private IndexField(string name, string column, string label, string description, Func<ConcentrationIndices, int> read, Func<IndexChange, int>? delta)
        : this(name, column, IndexFieldKind.Count, label, description) => (count, countChange) = (read, delta);

    private IndexField(string name, string column, string label, string description, Func<ConcentrationIndices, double> read, Func<IndexChange, double>? delta)
        : this(name, column, IndexFieldKind.Number, label, description) => (number, numberChange) = (read, delta);

    private IndexField(string name, string column, string label, string description, Func<ConcentrationIndices, string?> read)
        : this(name, column, IndexFieldKind.Code, label, description) => code = read;

    internal static IndexField OfAmount(string name, string column, string label, string description, Func<ConcentrationIndices, decimal> read, Func<IndexChange, decimal>? delta = null, double max = double.PositiveInfinity, bool isMetric = true) =>
        new(name, column, label, description, read, delta) { Max = max, IsMetric = isMetric };

    internal static IndexField OfCount(string name, string column, string label, string description, Func<ConcentrationIndices, int> read, Func<IndexChange, int>? delta = null, double max = double.PositiveInfinity, bool isMetric = true) =>
        new(name, column, label, description, read, delta) { Max = max, IsMetric = isMetric };

    internal static IndexField OfNumber(string name, string column, string label, string description, Func<ConcentrationIndices, double> read, Func<IndexChange, double>? delta = null, double max = double.PositiveInfinity, bool isMetric = true) =>
        new(name, column, label, description, read, delta) { Max = max, IsMetric = isMetric };

    internal static IndexField OfCode(string name, string column, string label, string description, Func<ConcentrationIndices, string?> read, bool isMetric = true) =>
        new(name, column, label, description, read) { IsMetric = isMetric };

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
    public bool HasChange => amountChange is not null || countChange is not null || numberChange is not null;

    /// <summary>The value: a decimal (<see cref="IndexFieldKind.Amount"/>), int, double or string/null.</summary>
    public object? Value(ConcentrationIndices indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        return Kind switch
        {
            IndexFieldKind.Amount => amount!(indices),
            IndexFieldKind.Count => count!(indices),
            IndexFieldKind.Number => number!(indices),
            _ => code!(indices),
        };
    }

    /// <summary>Hands the value to <paramref name="writer"/> in its own type (no boxing).</summary>
    public void Write<TWriter>(TWriter writer, ConcentrationIndices indices)
        where TWriter : IIndexValueWriter
    {
        switch (Kind)
        {
            case IndexFieldKind.Amount: writer.Amount(amount!(indices)); break;
            case IndexFieldKind.Count: writer.Count(count!(indices)); break;
            case IndexFieldKind.Number: writer.Number(number!(indices)); break;
            default: writer.Code(code!(indices)); break;
        }
    }

    /// <summary>The value as a double (rules compare doubles); NaN for a code.</summary>
    public double Number(ConcentrationIndices indices) => Kind switch
    {
        IndexFieldKind.Amount => (double)amount!(indices),
        IndexFieldKind.Count => count!(indices),
        IndexFieldKind.Number => number!(indices),
        _ => double.NaN,
    };

    /// <summary>This row's value minus the earlier row's, of the same kind as <see cref="Value"/>.</summary>
    /// <exception cref="InvalidOperationException">The field has no change.</exception>
    public object? Change(IndexChange change) => Kind switch
    {
        _ when !HasChange => throw NoChange(),
        IndexFieldKind.Amount => amountChange!(change),
        IndexFieldKind.Count => countChange!(change),
        _ => numberChange!(change),
    };

    /// <summary>Hands the change to <paramref name="writer"/> in its own type, as <see cref="Write"/>.</summary>
    /// <exception cref="InvalidOperationException">The field has no change.</exception>
    public void WriteChange<TWriter>(TWriter writer, IndexChange change)
        where TWriter : IIndexValueWriter
    {
        if (amountChange is not null)
        {
            writer.Amount(amountChange(change));
        }
        else if (countChange is not null)
        {
            writer.Count(countChange(change));
        }
        else
        {
            writer.Number((numberChange ?? throw NoChange())(change));
        }
    }

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

    private InvalidOperationException NoChange() => new($"Index field '{Name}' has no change.");
}
