using Alerts.Evaluate.Inhibition;
using Microsoft.Extensions.Configuration;

namespace Alerts.Evaluate.Tests.Inhibition;

public sealed class InhibitionSettingsReaderTests
{
    private static (IReadOnlyList<InhibitionRule> Rules, IReadOnlyList<string> Errors) Read(params (string Key, string Value)[] settings) =>
        InhibitionSettingsReader.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key.Replace("__", ":", StringComparison.Ordinal), s.Value)))
            .Build()
            .GetSection(InhibitionSettingsReader.SectionName));

    [Fact]
    public void Read_NoSettings_TheDefaultRule()
    {
        var (rules, errors) = Read();

        Assert.Empty(errors);
        var rule = Assert.Single(rules);
        Assert.Equal(InhibitionRule.CriticalInhibitsWarning, rule);
        Assert.Equal(["product", "reporter", "flow", "basis", "window", "period"], rule.Equal);
    }

    [Fact]
    public void Read_ANewRule_AddedBesideTheDefault()
    {
        var (rules, errors) = Read(
            ("Inhibitions__0__Source__0__Name", "Rule"),
            ("Inhibitions__0__Source__0__Value", "crma-.*"),
            ("Inhibitions__0__Source__0__IsRegex", "true"),
            ("Inhibitions__0__Target__0__Name", "severity"),
            ("Inhibitions__0__Target__0__Value", "info"),
            ("Inhibitions__0__Equal__0", "reporter"));

        Assert.Empty(errors);
        Assert.Equal([InhibitionRule.CriticalInhibitsWarningId, "inhibition-0"], rules.Select(r => r.Id));
        Assert.Equal([new InhibitionMatcher("rule", "crma-.*", true)], rules[1].Source);
        Assert.Equal([new InhibitionMatcher("severity", "info")], rules[1].Target);
        Assert.Equal(["reporter"], rules[1].Equal);
    }

    [Fact]
    public void Read_DefaultDisabled_NoRule()
    {
        var (rules, errors) = Read(("Inhibitions__0__Id", "critical-inhibits-warning"), ("Inhibitions__0__Enabled", "false"));

        Assert.Empty(errors);
        Assert.Empty(rules);
    }

    [Fact]
    public void Read_DefaultReplaced_OnlyTheReplacement()
    {
        var (rules, errors) = Read(
            ("Inhibitions__0__Id", "critical-inhibits-warning"),
            ("Inhibitions__0__Source__0__Name", "severity"),
            ("Inhibitions__0__Source__0__Value", "critical"),
            ("Inhibitions__0__Target__0__Name", "severity"),
            ("Inhibitions__0__Target__0__Value", "warning"),
            ("Inhibitions__0__Equal__0", "basis"));

        Assert.Empty(errors);
        Assert.Equal(["basis"], Assert.Single(rules).Equal);
    }

    [Fact]
    public void Read_BadEntries_EveryOneNamedBySetting()
    {
        var (_, errors) = Read(
            ("Inhibitions__0__Source__0__Name", "sev"), // not a label
            ("Inhibitions__0__Source__0__Value", "critical"),
            ("Inhibitions__0__Target__0__Name", "rule"),
            ("Inhibitions__0__Target__0__Value", "(a"), // not a pattern
            ("Inhibitions__0__Target__0__IsRegex", "yes"), // not a boolean
            ("Inhibitions__0__Equals__0", "product"), // not a field (Equal)
            ("Inhibitions__1__Source__0__Name", "rule"), // no value; and no target
            ("Inhibitions__1__Equal__0", "country"), // not a label
            ("Inhibitions__1__Enabled", "nope"),
            ("Inhibitions__x__Id", "y")); // not an index

        Assert.Equal(
        [
            "Inhibitions__0__Equals: is not an inhibition field; use Id, Enabled, Source, Target, Equal",
            "Inhibitions__0__Source__0__Name: 'sev' is not a label; use one of rule, severity, product, reporter, flow, basis, window, metric, period",
            "Inhibitions__0__Target__0__IsRegex: 'yes' is not true or false",
            "Inhibitions__1__Enabled: 'nope' is not true or false",
            "Inhibitions__1__Source__0__Value: is required and must not be empty",
            "Inhibitions__1__Target: names no matcher; write at least Inhibitions__1__Target__0__Name and Inhibitions__1__Target__0__Value",
            "Inhibitions__1__Equal__0: 'country' is not a label; use one of rule, severity, product, reporter, flow, basis, window, metric, period",
            "Inhibitions__x: 'x' is not a list index; write Inhibitions__0__Source__0__Name, Inhibitions__1__..., one number per rule",
        ], errors);
    }

    [Fact]
    public void Read_BadRegexWhenRegex_Named()
    {
        var (_, errors) = Read(
            ("Inhibitions__0__Source__0__Name", "rule"),
            ("Inhibitions__0__Source__0__Value", "(a"),
            ("Inhibitions__0__Source__0__IsRegex", "true"),
            ("Inhibitions__0__Target__0__Name", "severity"),
            ("Inhibitions__0__Target__0__Value", "warning"));

        Assert.Equal(["Inhibitions__0__Source__0__Value: '(a' is not a regular expression this app runs (no backreferences or lookarounds)"], errors);
    }
}
