using Alerts.Pull.Catalog;
using Alerts.Pull.Sources;
using Alerts.Pull.Statistics.Scope;
using Microsoft.Extensions.Options;

namespace Alerts.Pull;

/// <summary>
/// Checks <see cref="PullOptions.Commodities"/> against the catalog at start: an unknown id, or one none of whose
/// codes is pulled, stops the app naming the entry rather than computing nothing at the first pull.
/// </summary>
public sealed class PullOptionsValidator(IOptions<CatalogOptions> catalogOptions) : IValidateOptions<PullOptions>
{
    public ValidateOptionsResult Validate(string? name, PullOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (ReporterProblems(options).Concat(SourceProblems(options)).ToList() is { Count: > 0 } problems)
        {
            return ValidateOptionsResult.Fail(problems);
        }

        CommodityCatalog catalog;
        try
        {
            catalog = CatalogLoader.Load(catalogOptions.Value);
        }
        catch (CatalogFormatException)
        {
            // The catalog's own validator reports the file; nothing to check the commodities against.
            return ValidateOptionsResult.Skip;
        }

        try
        {
            CommoditySeriesSelection.Select(catalog, options);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }

    /// <summary><c>Pull:Sources</c> (or <c>Pull:Source</c>) must name known sources, each once.</summary>
    private static List<string> SourceProblems(PullOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Sources))
        {
            if (!PullOptions.KnownSources.Contains(options.Source?.Trim() ?? string.Empty, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"Setting {PullOptions.SectionName}:Source is '{options.Source}'; expected {string.Join(" or ", PullOptions.KnownSources)}.");
            }

            return problems;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = options.Sources.Split(',', StringSplitOptions.TrimEntries);
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i];
            var at = $"Setting {PullOptions.SectionName}:Sources is '{options.Sources}': entry {i + 1}";
            if (name.Length == 0)
            {
                problems.Add($"{at} is empty; expected source names separated by commas, e.g. comext,comtrade.");
            }
            else if (!PullOptions.KnownSources.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{at} is '{name}'; expected {string.Join(" or ", PullOptions.KnownSources)}.");
            }
            else if (!seen.Add(name))
            {
                problems.Add($"{at} repeats '{name}'.");
            }
        }

        return problems;
    }

    /// <summary>Each of <c>Pull:Reporters</c> must be <c>EU27_2020</c> or a member state, listed once.</summary>
    private static List<string> ReporterProblems(PullOptions options)
    {
        var problems = new List<string>();
        for (var i = 0; i < options.Reporters.Count; i++)
        {
            var reporter = options.Reporters[i];
            if (!PartnerScope.IsEuReporter(reporter ?? string.Empty))
            {
                problems.Add($"Setting {PullOptions.SectionName}:Reporters:{i} is '{reporter}'; expected {PartnerScope.EuReporter} or an EU member state's ISO-2 code (Greece GR).");
            }
            else if (options.Reporters.Take(i).Contains(reporter, StringComparer.Ordinal))
            {
                problems.Add($"Setting {PullOptions.SectionName}:Reporters:{i} repeats '{reporter}'.");
            }
        }

        return problems;
    }
}
