namespace Alerts.Route.Silences;

/// <summary>
/// The body of <c>POST /api/silences</c>, as sent: every field optional here, so the validator can name each missing
/// or bad one (<see cref="SilenceRequestValidator"/>).
/// </summary>
public sealed record SilenceRequest
{
    /// <summary>All must match an event for it to be muted; at least one.</summary>
    public IReadOnlyList<SilenceMatcherRequest>? Matchers { get; init; }

    /// <summary>ISO 8601 time with offset; default now.</summary>
    public string? StartsAt { get; init; }

    /// <summary>ISO 8601 time with offset, after <see cref="StartsAt"/> and in the future; required.</summary>
    public string? EndsAt { get; init; }

    public string? Comment { get; init; }

    /// <summary>Free text naming who asked for it; default the caller's user id.</summary>
    public string? CreatedBy { get; init; }

    /// <summary><c>owner</c> (default: the caller's own subscriptions) or <c>global</c> (everyone's; needs <c>Alerts.Admin</c>).</summary>
    public string? Scope { get; init; }
}

/// <summary>One matcher as sent.</summary>
public sealed record SilenceMatcherRequest
{
    /// <summary>One of <see cref="SilenceMatcherNames.All"/>.</summary>
    public string? Name { get; init; }

    public string? Value { get; init; }

    /// <summary>True: <see cref="Value"/> is a regular expression that must match the whole field.</summary>
    public bool? IsRegex { get; init; }

    /// <summary>False: mute events that do not match (default true).</summary>
    public bool? IsEqual { get; init; }
}
