using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Alerts.Evaluate.Inhibition;

/// <summary>
/// Reads configuration section <c>Inhibitions</c> (<c>Inhibitions__N__Source__M__Name</c>, <c>__Value</c>,
/// <c>__IsRegex</c>, <c>__IsEqual</c>; the same under <c>Target</c>; <c>Equal__K</c>; <c>Id</c>; <c>Enabled</c>) and merges
/// it into <see cref="InhibitionRule.Defaults"/> by id: an entry with a default's id replaces it, or with
/// <c>Enabled=false</c> removes it. Names every bad entry by its setting, including settings that are no field at all.
/// </summary>
public static class InhibitionSettingsReader
{
    public const string SectionName = "Inhibitions";

    private static readonly string[] Fields = ["Id", "Enabled", "Source", "Target", "Equal"];
    private static readonly string[] MatcherFields = ["Name", "Value", "IsRegex", "IsEqual"];

    /// <summary>The active rules, and every problem as <c>Inhibitions__0__Source__0__Name: ...</c> (empty when all are good).</summary>
    public static (IReadOnlyList<InhibitionRule> Rules, IReadOnlyList<string> Errors) Read(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var rules = InhibitionRule.Defaults.ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var entry in section.GetChildren().OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue))
        {
            var prefix = $"{SectionName}__{entry.Key}";
            if (!int.TryParse(entry.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                errors.Add($"{prefix}: '{entry.Key}' is not a list index; write {SectionName}__0__Source__0__Name, {SectionName}__1__..., one number per rule");
                continue;
            }

            var before = errors.Count;
            UnknownKeys(entry, Fields, prefix, "an inhibition field", errors);
            var id = string.IsNullOrWhiteSpace(entry["Id"]) ? $"inhibition-{entry.Key}" : entry["Id"]!.Trim();
            if (!seen.Add(id))
            {
                errors.Add($"{prefix}__Id: '{id}' is used by more than one inhibition rule");
            }

            var enabled = Flag(entry["Enabled"], $"{prefix}__Enabled", true, errors);
            rules.RemoveAll(r => r.Id == id);
            if (!enabled)
            {
                continue;
            }

            var source = Matchers(entry.GetSection("Source"), $"{prefix}__Source", errors);
            var target = Matchers(entry.GetSection("Target"), $"{prefix}__Target", errors);
            var equal = Equal(entry.GetSection("Equal"), $"{prefix}__Equal", errors);
            if (errors.Count == before)
            {
                rules.Add(new InhibitionRule(id, source, target, equal));
            }
        }

        return (rules, errors);
    }

    private static List<InhibitionMatcher> Matchers(IConfigurationSection section, string prefix, List<string> errors)
    {
        var matchers = new List<InhibitionMatcher>();
        foreach (var m in section.GetChildren())
        {
            var at = $"{prefix}__{m.Key}";
            UnknownKeys(m, MatcherFields, at, "a matcher field", errors);
            var isRegex = Flag(m["IsRegex"], $"{at}__IsRegex", false, errors);
            var isEqual = Flag(m["IsEqual"], $"{at}__IsEqual", true, errors);
            var name = InhibitionLabels.Normalize(m["Name"]);
            var value = m["Value"];
            if (name is null)
            {
                errors.Add(m["Name"] is null
                    ? $"{at}__Name: is required; one of {string.Join(", ", InhibitionLabels.All)}"
                    : $"{at}__Name: '{Clip(m["Name"]!)}' is not a label; use one of {string.Join(", ", InhibitionLabels.All)}");
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"{at}__Value: is required and must not be empty");
            }
            else if (isRegex && !Compiles(value))
            {
                errors.Add($"{at}__Value: '{Clip(value)}' is not a regular expression this app runs (no backreferences or lookarounds)");
            }

            if (name is not null && !string.IsNullOrWhiteSpace(value))
            {
                matchers.Add(new InhibitionMatcher(name, value.Trim(), isRegex, isEqual));
            }
        }

        if (!section.GetChildren().Any())
        {
            // Without matchers every alert would match: a source would inhibit everything.
            errors.Add($"{prefix}: names no matcher; write at least {prefix}__0__Name and {prefix}__0__Value");
        }

        return matchers;
    }

    private static List<string> Equal(IConfigurationSection section, string prefix, List<string> errors)
    {
        var labels = new List<string>();
        if (section.Value is not null)
        {
            errors.Add($"{prefix}: is a list; write {prefix}__0=product, {prefix}__1=reporter, ...");
        }

        foreach (var l in section.GetChildren())
        {
            if (InhibitionLabels.Normalize(l.Value) is { } name)
            {
                labels.Add(name);
            }
            else
            {
                errors.Add($"{prefix}__{l.Key}: '{Clip(l.Value ?? string.Empty)}' is not a label; use one of {string.Join(", ", InhibitionLabels.All)}");
            }
        }

        return labels;
    }

    private static void UnknownKeys(IConfigurationSection section, string[] known, string prefix, string what, List<string> errors)
    {
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{prefix}__{child.Key}: is not {what}; use {string.Join(", ", known)}");
            }
        }
    }

    private static bool Flag(string? text, string setting, bool fallback, List<string> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add($"{setting}: '{Clip(text)}' is not true or false");
        return fallback;
    }

    private static bool Compiles(string pattern)
    {
        try
        {
            InhibitionMatcher.Compile(pattern);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    // Settings are echoed in errors: keep them short.
    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
