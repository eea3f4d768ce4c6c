using Xunit;

namespace Alerts.TestKit.Pipeline;

/// <summary>
/// A <see cref="PipelineStack"/> pulling magnets monthly (the replay server's 2024-01..2024-06 recording) over 36
/// trailing months, so no rolling window reaches before the pull, with a rolling 12-month twin of the CRMA rule
/// beside the default (published) one.
/// </summary>
public sealed class MonthlyPipelineStack : PipelineStack
{
    public const string RollingRuleId = "crma-rolling12";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Pull__Frequency"] = "M",
        ["Pull__TrailingMonths"] = "36",
        ["Pull__Products__0"] = "850511",
        ["Rules__0__Id"] = RollingRuleId,
        ["Rules__0__Name"] = "A single third country supplies more than 65% over 12 months",
        ["Rules__0__Metric"] = "cr1",
        ["Rules__0__Operator"] = ">",
        ["Rules__0__Threshold"] = "0.65",
        ["Rules__0__Severity"] = "critical",
        ["Rules__0__Basis"] = "weight",
        ["Rules__0__Flow"] = "import",
        ["Rules__0__Window"] = "rolling12",
    };
}
