using Alerts.Compute.Series;

namespace Alerts.Evaluate.Rules;

/// <summary>Rule configuration that cannot be used; <see cref="Errors"/> names the source, rule and field of each problem.</summary>
public sealed class RuleConfigurationException : Exception
{
    public RuleConfigurationException(string source, IReadOnlyList<string> errors, Exception? inner = null)
        : base($"Invalid rule configuration in {source}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors), inner)
    {
        Source = source;
        Errors = errors;
    }

    /// <summary>Where the configuration came from, e.g. a file path or <c>configuration section 'Rules'</c>.</summary>
    public new string Source { get; }

    public IReadOnlyList<string> Errors { get; }
}
