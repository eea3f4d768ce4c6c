using Alerts.Compute.IndexSet;

namespace Alerts.Cli.Commands;

/// <summary>Extra column groups of <c>alerts indices</c> (<c>--columns changes,crma,supply-risk</c> or <c>all</c>).</summary>
[Flags]
internal enum ColumnGroups
{
    None = 0,
    Changes = 1,
    Crma = 2,
    SupplyRisk = 4,
    All = Changes | Crma | SupplyRisk,
}

/// <summary>
/// The columns of <c>alerts indices</c> JSON and CSV, in order: the row's identity, the index set's stored fields
/// (<see cref="IndexFields"/>), the window and the derived fields, then the groups asked for. The index fields come
/// from the declaration, so a field added there appears here with nothing to edit.
/// </summary>
internal static class IndicesColumns
{
    /// <summary>Per change (previous period, year ago): the field-name suffix and prefix.</summary>
    public static IReadOnlyList<(string Suffix, string Prefix)> Changes { get; } = [("FromPrevious", "previous"), ("FromYearAgo", "yearAgo")];

    /// <summary>The fields every row carries.</summary>
    public static IReadOnlyList<string> Base { get; } =
    [
        "reporter", "product", "flow", "period", "basis", "unit", .. IndexFields.Stored.Select(f => f.Name),
        "window", .. IndexFields.Derived.Select(f => f.Name), "monthsCovered", "complete", "fromAnnualData", "unreportedPartners",
    ];

    /// <summary>Every column, all groups included.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Base, .. Changes.SelectMany(c => ChangeNames(c.Suffix, c.Prefix)), .. SupplyColumns.Fields];

    /// <summary>Names of a change's fields: <c>previousPeriod</c>, <c>hhiChangeFromPrevious</c>, ..., <c>previousTopSupplier</c>.</summary>
    public static IEnumerable<string> ChangeNames(string suffix, string prefix) =>
        [prefix + "Period", .. IndexFields.Changed.Select(f => f.ChangeName(suffix)), prefix + "TopSupplier"];

    public static IReadOnlyList<string> For(ColumnGroups groups)
    {
        var fields = Base.ToList();
        if (groups.HasFlag(ColumnGroups.Changes))
        {
            fields.AddRange(Changes.SelectMany(c => ChangeNames(c.Suffix, c.Prefix)));
        }

        if (groups.HasFlag(ColumnGroups.Crma))
        {
            fields.AddRange(SupplyColumns.Fields.Take(SupplyColumns.CrmaFieldCount));
        }

        if (groups.HasFlag(ColumnGroups.SupplyRisk))
        {
            fields.AddRange(SupplyColumns.Fields.Skip(SupplyColumns.CrmaFieldCount));
        }

        return fields;
    }

    /// <summary>Parses <c>--columns</c>: a comma-separated list of groups; null when a name is unknown.</summary>
    public static ColumnGroups? ParseGroups(string? text)
    {
        var groups = ColumnGroups.None;
        foreach (var name in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            ColumnGroups? group = name switch
            {
                "changes" => ColumnGroups.Changes,
                "crma" => ColumnGroups.Crma,
                "supply-risk" or "supply" => ColumnGroups.SupplyRisk,
                "all" => ColumnGroups.All,
                _ => null,
            };
            if (group is null)
            {
                return null;
            }

            groups |= group.Value;
        }

        return groups;
    }
}
