namespace Alerts.Compute.Engine;

/// <summary>Which rows <see cref="WindowedIndices.Compute"/> gives.</summary>
public enum IndexSelection
{
    /// <summary>
    /// The periods as they appear in the data: an annual row for each year with annual observations and a
    /// monthly row for each month with monthly observations (one row per published period).
    /// </summary>
    Published,

    /// <summary>Every <see cref="IndexWindow.Monthly"/> row (none for annual-only data).</summary>
    Monthly,

    /// <summary>Every <see cref="IndexWindow.Annual"/> row, including years summed from months (possibly year to date).</summary>
    Annual,

    /// <summary>Every <see cref="IndexWindow.Rolling12"/> row (none for annual-only data).</summary>
    Rolling12,
}

/// <summary>
/// The names of <see cref="IndexSelection"/> as written in rule configuration, stored rows and the HTTP API:
/// <c>published</c>, <c>monthly</c>, <c>annual</c>, <c>rolling12</c>.
/// </summary>
public static class IndexSelections
{
    public static readonly IReadOnlyList<string> Names = ["published", "monthly", "annual", "rolling12"];

    /// <summary>Parses a name (case-insensitive, surrounding blanks ignored); false for anything else, numbers included.</summary>
    public static bool TryParse(string? name, out IndexSelection selection)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "published": selection = IndexSelection.Published; return true;
            case "monthly": selection = IndexSelection.Monthly; return true;
            case "annual": selection = IndexSelection.Annual; return true;
            case "rolling12": selection = IndexSelection.Rolling12; return true;
            default: selection = default; return false;
        }
    }

    public static string ToName(this IndexSelection selection) => selection switch
    {
        IndexSelection.Published => "published",
        IndexSelection.Monthly => "monthly",
        IndexSelection.Annual => "annual",
        IndexSelection.Rolling12 => "rolling12",
        _ => throw new ArgumentOutOfRangeException(nameof(selection), selection, null),
    };
}
