namespace Alerts.Route.Silences;

/// <summary>
/// One entry of configuration section <c>Silences</c> (<c>Silences__0__Matchers__0__Name=commodity</c>, ...), as bound:
/// strings, so <see cref="SilenceSettingsReader"/> can name every bad field instead of the binder failing on the first.
/// <see cref="Commodity"/>, <see cref="Reporter"/> and <see cref="RuleId"/> are shorthands for equality matchers (the
/// fields configuration silences had before matchers).
/// </summary>
public sealed class SilenceSettings
{
    public string? Id { get; set; }

    public List<SilenceMatcherSettings>? Matchers { get; set; }

    public string? Commodity { get; set; }

    public string? Reporter { get; set; }

    public string? RuleId { get; set; }

    public string? StartsAt { get; set; }

    public string? EndsAt { get; set; }

    /// <summary>Only this subscription; absent: every subscription (a configuration silence is global).</summary>
    public string? SubscriptionId { get; set; }

    public string? CreatedBy { get; set; }

    public string? Comment { get; set; }
}

public sealed class SilenceMatcherSettings
{
    public string? Name { get; set; }

    public string? Value { get; set; }

    public string? IsRegex { get; set; }

    public string? IsEqual { get; set; }
}
