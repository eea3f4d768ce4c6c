using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Alerts.Route.Silences;

/// <summary>
/// Reads configuration section <c>Silences</c> into <see cref="Silence"/>s and names every bad entry (its setting
/// name and what is wrong), including settings that are no silence field at all (such as <c>Start</c> for
/// <c>StartsAt</c>), which the binder would silently ignore.
/// </summary>
public static class SilenceSettingsReader
{
    public const string SectionName = "Silences";

    private static readonly string[] Fields =
        [nameof(SilenceSettings.Id), nameof(SilenceSettings.Matchers), nameof(SilenceSettings.Commodity), nameof(SilenceSettings.Reporter),
         nameof(SilenceSettings.RuleId), nameof(SilenceSettings.StartsAt), nameof(SilenceSettings.EndsAt), nameof(SilenceSettings.SubscriptionId),
         nameof(SilenceSettings.CreatedBy), nameof(SilenceSettings.Comment)];

    private static readonly string[] MatcherFields =
        [nameof(SilenceMatcherSettings.Name), nameof(SilenceMatcherSettings.Value), nameof(SilenceMatcherSettings.IsRegex), nameof(SilenceMatcherSettings.IsEqual)];

    /// <summary>The configured silences, and every problem as <c>Silences__0__EndsAt: ...</c> (empty when all are good).</summary>
    public static (IReadOnlyList<Silence> Silences, IReadOnlyList<string> Errors) Read(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var silences = new List<Silence>();
        var errors = new List<string>();
        foreach (var entry in section.GetChildren().OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue))
        {
            var prefix = $"{SectionName}__{entry.Key}";
            var before = errors.Count;
            if (!int.TryParse(entry.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                errors.Add($"{prefix}: '{entry.Key}' is not a list index; write {SectionName}__0__EndsAt, {SectionName}__1__..., one number per silence");
                continue;
            }

            UnknownKeys(entry, Fields, prefix, errors);
            var settings = entry.Get<SilenceSettings>() ?? new SilenceSettings();
            var matchers = Matchers(entry, settings, prefix, errors);
            var startsAt = Time(settings.StartsAt, $"{prefix}__StartsAt", errors);
            var endsAt = Time(settings.EndsAt, $"{prefix}__EndsAt", errors);
            if (settings.StartsAt is null)
            {
                errors.Add($"{prefix}__StartsAt: is required (an ISO 8601 time with offset, e.g. 2026-12-01T00:00:00Z)");
            }

            if (settings.EndsAt is null)
            {
                errors.Add($"{prefix}__EndsAt: is required (an ISO 8601 time with offset, e.g. 2026-12-24T18:00:00Z)");
            }

            if (startsAt is { } s && endsAt is { } e && e <= s)
            {
                errors.Add($"{prefix}__EndsAt: {e:O} is not after StartsAt {s:O}");
            }

            if (errors.Count == before)
            {
                silences.Add(new Silence(
                    string.IsNullOrWhiteSpace(settings.Id) ? $"config-{entry.Key}" : settings.Id.Trim(),
                    matchers,
                    startsAt!.Value,
                    endsAt!.Value,
                    SilenceScope.Global,
                    null,
                    string.IsNullOrWhiteSpace(settings.SubscriptionId) ? null : settings.SubscriptionId.Trim(),
                    settings.CreatedBy,
                    settings.Comment,
                    null,
                    SilenceSources.Configuration));
            }
        }

        var duplicates = silences.GroupBy(s => s.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        errors.AddRange(duplicates.Select(id => $"{SectionName}: Id '{id}' is used by more than one silence"));
        return (silences, errors);
    }

    private static List<SilenceMatcher> Matchers(IConfigurationSection entry, SilenceSettings settings, string prefix, List<string> errors)
    {
        var result = new List<SilenceMatcher>();
        void Error(string field, string message) => errors.Add($"{field}: {message}");

        foreach (var m in entry.GetSection(nameof(SilenceSettings.Matchers)).GetChildren())
        {
            var at = $"{prefix}__Matchers__{m.Key}";
            UnknownKeys(m, MatcherFields, at, errors);
            var isRegex = Flag(m[nameof(SilenceMatcherSettings.IsRegex)], $"{at}__IsRegex", false, errors);
            var isEqual = Flag(m[nameof(SilenceMatcherSettings.IsEqual)], $"{at}__IsEqual", true, errors);
            var before = errors.Count;
            SilenceMatcherValidator.Validate(m[nameof(SilenceMatcherSettings.Name)], m[nameof(SilenceMatcherSettings.Value)], isRegex, at, (field, message) => Error(Setting(field), message));
            if (errors.Count == before)
            {
                result.Add(SilenceMatcherValidator.Normalize(m[nameof(SilenceMatcherSettings.Name)]!, m[nameof(SilenceMatcherSettings.Value)]!, isRegex, isEqual));
            }
        }

        Shorthand(settings.Commodity, SilenceMatcherNames.Commodity, $"{prefix}__Commodity", result, errors);
        Shorthand(settings.Reporter, SilenceMatcherNames.Reporter, $"{prefix}__Reporter", result, errors);
        Shorthand(settings.RuleId, SilenceMatcherNames.Rule, $"{prefix}__RuleId", result, errors);
        if (result.Count == 0 && !errors.Any(e => e.StartsWith(prefix + "__", StringComparison.Ordinal)))
        {
            errors.Add($"{prefix}: names no matcher; a silence needs at least one (Matchers__0__Name and __Value, or Commodity, Reporter, RuleId)");
        }

        return result;
    }

    private static void Shorthand(string? value, string name, string setting, List<SilenceMatcher> matchers, List<string> errors)
    {
        if (value is null)
        {
            return;
        }

        var before = errors.Count;
        SilenceMatcherValidator.Validate(name, value, false, setting, (_, message) => errors.Add($"{setting}: {message}"));
        if (errors.Count == before)
        {
            matchers.Add(SilenceMatcherValidator.Normalize(name, value, false, true));
        }
    }

    private static void UnknownKeys(IConfigurationSection section, string[] known, string prefix, List<string> errors)
    {
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{prefix}__{child.Key}: is not a silence field; use {string.Join(", ", known)}");
            }
        }
    }

    private static DateTimeOffset? Time(string? text, string setting, List<string> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (SilenceRequestValidator.TryParseTime(text, out var time))
        {
            return time;
        }

        errors.Add($"{setting}: '{SilenceMatcherValidator.Clip(text)}' is not an ISO 8601 time with offset, e.g. 2026-12-24T18:00:00Z");
        return null;
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

        errors.Add($"{setting}: '{SilenceMatcherValidator.Clip(text)}' is not true or false");
        return fallback;
    }

    // matchers[0].value style field names of the shared validator, as the setting they came from.
    private static string Setting(string field) => field.Replace(".name", "__Name", StringComparison.Ordinal).Replace(".value", "__Value", StringComparison.Ordinal);
}
