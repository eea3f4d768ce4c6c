using System.Globalization;

namespace Alerts.Route.Silences;

/// <summary>
/// Checks a <see cref="SilenceRequest"/> and turns it into a <see cref="Silence"/>. Malformed fields (missing, unknown
/// names, bad patterns or times) are <see cref="SilenceValidation.Malformed"/> (400); well-formed but unacceptable times
/// (an end before the start or in the past) are <see cref="SilenceValidation.Unacceptable"/> (422). Errors are keyed by
/// camelCase JSON field (<c>matchers[0].value</c>).
/// </summary>
public static class SilenceRequestValidator
{
    public const int MaxMatchers = 20;
    public const int MaxCommentLength = 500;
    public const int MaxCreatedByLength = 100;

    public static SilenceValidation Validate(SilenceRequest? request, DateTimeOffset now)
    {
        var malformed = new FieldErrors();
        var unacceptable = new FieldErrors();
        if (request is null)
        {
            malformed.Add("$", "a JSON object with at least matchers and endsAt is required");
            return new SilenceValidation(malformed.ToDictionary(), unacceptable.ToDictionary());
        }

        if (request.Matchers is not { Count: > 0 } matchers)
        {
            malformed.Add("matchers", "at least one matcher is required, e.g. {\"name\":\"commodity\",\"value\":\"rare-earths\"}");
        }
        else if (matchers.Count > MaxMatchers)
        {
            malformed.Add("matchers", string.Create(CultureInfo.InvariantCulture, $"matchers has {matchers.Count} items; at most {MaxMatchers} are allowed"));
        }
        else
        {
            for (var i = 0; i < matchers.Count; i++)
            {
                var field = string.Create(CultureInfo.InvariantCulture, $"matchers[{i}]");
                if (matchers[i] is not { } m)
                {
                    malformed.Add(field, "must be an object with name and value");
                    continue;
                }

                SilenceMatcherValidator.Validate(m.Name, m.Value, m.IsRegex == true, field, malformed.Add);
            }
        }

        var startsAt = ParseTime(request.StartsAt, "startsAt", malformed) ?? now;
        var endsAt = ParseTime(request.EndsAt, "endsAt", malformed);
        if (request.EndsAt is null)
        {
            malformed.Add("endsAt", "endsAt is required: an ISO 8601 time with offset, e.g. 2026-12-24T18:00:00Z");
        }

        if (request.Scope is not null && !TryParseScope(request.Scope, out _))
        {
            malformed.Add("scope", $"scope '{SilenceMatcherValidator.Clip(request.Scope)}' is not one of owner, global");
        }

        CheckText(request.Comment, "comment", MaxCommentLength, malformed);
        CheckText(request.CreatedBy, "createdBy", MaxCreatedByLength, malformed);

        if (endsAt is { } end)
        {
            if (end <= startsAt)
            {
                unacceptable.Add("endsAt", $"endsAt ({end:O}) must be after startsAt ({startsAt:O})");
            }
            else if (end <= now)
            {
                unacceptable.Add("endsAt", $"endsAt ({end:O}) is in the past; a silence must end in the future");
            }
        }

        return new SilenceValidation(malformed.ToDictionary(), unacceptable.ToDictionary());
    }

    /// <summary>The silence for a request that passed <see cref="Validate"/>.</summary>
    public static Silence Create(SilenceRequest request, string id, string owner, string createdBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var matchers = request.Matchers!
            .Select(m => SilenceMatcherValidator.Normalize(m.Name!, m.Value!, m.IsRegex == true, m.IsEqual != false))
            .ToList();
        var startsAt = request.StartsAt is null ? now : Parse(request.StartsAt);
        var scope = request.Scope is not null && TryParseScope(request.Scope, out var s) ? s : SilenceScope.Owner;
        return new Silence(
            id,
            matchers,
            startsAt < now ? now : startsAt, // a start in the past means "from now": what is muted before creation was routed already
            Parse(request.EndsAt!),
            scope,
            owner,
            null,
            string.IsNullOrWhiteSpace(request.CreatedBy) ? createdBy : request.CreatedBy.Trim(),
            string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(),
            now);
    }

    public static bool TryParseScope(string? text, out SilenceScope scope)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "owner":
                scope = SilenceScope.Owner;
                return true;
            case "global":
                scope = SilenceScope.Global;
                return true;
            default:
                scope = default;
                return false;
        }
    }

    /// <summary>An ISO 8601 time that states its offset (a time without one would depend on the server's zone).</summary>
    public static bool TryParseTime(string? text, out DateTimeOffset time)
    {
        time = default;
        var t = text?.Trim();
        return !string.IsNullOrEmpty(t)
               && (t.EndsWith('Z') || t.EndsWith('z') || HasOffset(t))
               && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    private static bool HasOffset(string t) => t.Length > 6 && t[^6] is '+' or '-' && t[^3] == ':';

    private static DateTimeOffset Parse(string text) => TryParseTime(text, out var t) ? t : throw new FormatException($"'{text}' is not a time with offset.");

    private static DateTimeOffset? ParseTime(string? text, string field, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (TryParseTime(text, out var time))
        {
            return time;
        }

        errors.Add(field, $"{field} '{SilenceMatcherValidator.Clip(text)}' is not an ISO 8601 time with offset, e.g. 2026-12-24T18:00:00Z");
        return null;
    }

    private static void CheckText(string? text, string field, int max, FieldErrors errors)
    {
        if (text is null)
        {
            return;
        }

        if (text.Length > max)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"{field} must be at most {max} characters"));
        }
        else if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            errors.Add(field, $"{field} must not contain control characters");
        }
    }
}

/// <summary>The outcome of <see cref="SilenceRequestValidator.Validate"/>: malformed fields (400) and unacceptable ones (422).</summary>
public sealed record SilenceValidation(IReadOnlyDictionary<string, string[]> Malformed, IReadOnlyDictionary<string, string[]> Unacceptable)
{
    public bool IsValid => Malformed.Count == 0 && Unacceptable.Count == 0;
}

/// <summary>Errors collected per field, in the shape problem details want them.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> byField = new(StringComparer.Ordinal);

    public int Count => byField.Count;

    public void Add(string field, string message)
    {
        if (!byField.TryGetValue(field, out var list))
        {
            byField[field] = list = [];
        }

        list.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        byField.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
