using System.Globalization;

namespace Alerts.Pull.Statistics.Comtrade;

/// <summary><c>$.data[i]</c>, formatted only for an error message.</summary>
internal readonly record struct ComtradeRecordPath(int Index)
{
    public ComtradeFieldPath Field(string name) => new(Index, name);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"$.data[{Index}]");
}

/// <summary><c>$.data[i].field</c>, formatted only for an error message.</summary>
internal readonly record struct ComtradeFieldPath(int Index, string Name)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"$.data[{Index}].{Name}");
}
