using Alerts.Compute.Engine;
using Alerts.Compute.Series;

using Alerts.Evaluate.Rules;
using Alerts.Pull.Statistics;

namespace Alerts.Evaluate.Tests.Rules;

public sealed class RuleSetBuilderTests
{
    [Fact]
    public void Build_NoDefinitions_KeepsTheDefaults()
    {
        var rules = RuleSetBuilder.Build(DefaultRules.All, [], "test");

        Assert.Equal(DefaultRules.All, rules);
    }

    [Fact]
    public void Build_OverrideByIdAndNewRuleAndDisable_MergesFieldByField()
    {
        var json = """
            {
              "rules": [
                // tighten the CRMA rule and give it a dead band
                { "id": "crma-single-country", "threshold": 0.6, "clearThreshold": 0.55, "reporters": ["EU27_2020"] },
                { "id": "hhi-high", "enabled": false },
                { "id": "few-suppliers", "name": "Fewer than 2 equivalent suppliers", "metric": "EquivalentSuppliers",
                  "operator": "<", "threshold": 2, "severity": "Info", "basis": "any", "flow": "export" },
              ]
            }
            """;

        var rules = RuleSetBuilder.Build(DefaultRules.All, RuleSetBuilder.ParseJson(json, "rules.json"), "rules.json");

        Assert.Equal(["crma-single-country", "few-suppliers"], rules.Select(r => r.Id));
        var crma = rules[0];
        Assert.Equal(0.6, crma.Threshold);
        Assert.Equal(0.55, crma.ClearThreshold);
        Assert.Equal(["EU27_2020"], crma.Reporters!);
        Assert.Equal(DefaultRules.CrmaSingleCountry.Name, crma.Name); // not named: kept
        Assert.Equal("cr1", crma.Metric);
        var few = rules[1];
        Assert.Equal("equivalentSuppliers", few.Metric); // canonical name
        Assert.Equal(ComparisonOperator.LessThan, few.Operator);
        Assert.Equal(Severities.Info, few.Severity);
        Assert.Null(few.Basis);
        Assert.Equal(TradeFlow.Export, few.Flow);
    }

    [Fact]
    public void ParseJson_BareArray_IsAccepted()
    {
        var definitions = RuleSetBuilder.ParseJson("""[{ "id": "hhi-high", "threshold": 1800 }]""", "inline");

        Assert.Equal(1800, Assert.Single(definitions).Threshold);
    }

    [Theory]
    [InlineData("""[{ "id": "a", "name": "A", "metric": "cr2", "operator": ">", "threshold": 0.5, "severity": "info" }]""",
        "rule 'a' (rules[0]): field 'metric': Unknown metric 'cr2'; known metrics: cr1, cr1ChangeFromPrevious, cr1ChangeFromYearAgo, cr3")] // unknown metric lists the known ones
    [InlineData("""[{ "id": "crma-single-country", "threshold": 65 }]""",
        "rule 'crma-single-country' (rules[0]): field 'threshold' is 65; metric 'cr1' ranges over 0..1 (shares are fractions: 65% is 0.65)")] // percent typed for a fraction
    [InlineData("""[{ "id": "hhi-jump", "name": "J", "metric": "hhiChangeFromYearAgo", "operator": "<", "threshold": -20000, "severity": "info" }]""",
        "rule 'hhi-jump' (rules[0]): field 'threshold' is -20000; metric 'hhiChangeFromYearAgo' ranges over -10000..10000")] // a change below its range
    [InlineData("""[{ "id": "cr1-jump", "name": "J", "metric": "cr1ChangeFromPrevious", "operator": ">", "threshold": 15, "severity": "info" }]""",
        "rule 'cr1-jump' (rules[0]): field 'threshold' is 15; metric 'cr1ChangeFromPrevious' ranges over -1..1 (shares are fractions: 65% is 0.65)")] // share change typed as points
    [InlineData("""[{ "id": "hhi-high", "operator": "=" }]""",
        "rule 'hhi-high' (rules[0]): field 'operator' is '='; expected one of > >= < <=")] // bad operator
    [InlineData("""[{ "id": "hhi-high", "severity": "major" }]""",
        "rule 'hhi-high' (rules[0]): field 'severity' is 'major'; expected one of info, warning, critical")] // bad severity
    [InlineData("""[{ "id": "hhi-high", "clearThreshold": 2600 }]""",
        "rule 'hhi-high' (rules[0]): field 'clearThreshold' (2600) must be at most the threshold (2500) for operator '>'")] // hysteresis on the wrong side
    [InlineData("""[{ "id": "new-rule", "metric": "hhi" }]""",
        "rule 'new-rule' (rules[0]): field 'name' is required")] // a new rule needs every field
    [InlineData("""[{ "id": "new-rule", "name": "N", "metric": "hhi", "threshold": 1, "severity": "info" }]""",
        "rule 'new-rule' (rules[0]): field 'operator' is required")] // operator required for a new rule
    [InlineData("""[{ "name": "no id" }]""",
        "rules[0]: field 'id' must be 1-63 lower-case letters")] // missing id
    [InlineData("""[{ "id": "Bad Id" }]""",
        "rule 'Bad Id' (rules[0]): field 'id' must be")] // id with spaces and capitals
    [InlineData("""[{ "id": "hhi-high" }, { "id": "hhi-high" }]""",
        "rule 'hhi-high' (rules[1]): field 'id' is used by an earlier entry")] // duplicate id
    [InlineData("""[{ "id": "hhi-high", "basis": "tonnes" }]""",
        "rule 'hhi-high' (rules[0]): field 'basis' is 'tonnes'; expected one of weight, value, any")] // bad basis
    [InlineData("""[{ "id": "hhi-high", "flow": "transit" }]""",
        "rule 'hhi-high' (rules[0]): field 'flow' is 'transit'; expected one of import, export, any")] // bad flow
    [InlineData("""[{ "id": "hhi-high", "reporters": [""] }]""",
        "rule 'hhi-high' (rules[0]): field 'reporters' has an empty entry")] // empty scope entry
    [InlineData("""[{ "id": "hhi-high", "window": "rolling-12" }]""",
        "rule 'hhi-high' (rules[0]): field 'window' is 'rolling-12'; expected one of published, monthly, annual, rolling12")] // misspelt window
    [InlineData("""[{ "id": "hhi-high", "window": "" }]""",
        "rule 'hhi-high' (rules[0]): field 'window' is ''; expected one of published, monthly, annual, rolling12")] // empty window is not the default
    [InlineData("""[{ "id": "hhi-high", "window": "3" }]""",
        "rule 'hhi-high' (rules[0]): field 'window' is '3'; expected one of published, monthly, annual, rolling12")] // an enum number is not a name
    [InlineData("""[{ "name": "no id", "window": "weekly" }, { "id": "w", "name": "W", "metric": "cr1", "operator": ">", "threshold": 0.5, "severity": "info", "window": "weekly" }]""",
        "rule 'w' (rules[1]): field 'window' is 'weekly'; expected one of published, monthly, annual, rolling12")] // a new rule's bad window names that rule
    [InlineData("""[{ "id": "hhi-high", "for": -1 }]""",
        "rule 'hhi-high' (rules[0]): field 'for' is -1; expected a number of periods from 0 to 120")] // a negative wait
    [InlineData("""[{ "id": "hhi-high", "keepFiringFor": 121 }]""",
        "rule 'hhi-high' (rules[0]): field 'keepFiringFor' is 121; expected a number of periods from 0 to 120")] // more than ten years of months
    [InlineData("""[{ "id": "hhi-high", "noDataAfter": 0 }]""",
        "rule 'hhi-high' (rules[0]): field 'noDataAfter' is 0; expected a number of periods from 1 to 120")] // every run would be "no data"
    [InlineData("""[{ "id": "hhi-high", "noData": "ok" }]""",
        "rule 'hhi-high' (rules[0]): field 'noData' is 'ok'; expected one of noData, alerting, keepLast")] // unknown policy
    public void Build_InvalidDefinition_NamesRuleAndField(string json, string expected)
    {
        var e = Assert.Throws<RuleConfigurationException>(() =>
            RuleSetBuilder.Build(DefaultRules.All, RuleSetBuilder.ParseJson(json, "rules.json"), "rules.json"));

        Assert.Equal("rules.json", e.Source);
        Assert.Contains(e.Errors, m => m.StartsWith(expected, StringComparison.Ordinal));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SeveralProblems_ReportsAllOfThem()
    {
        var json = """[{ "id": "hhi-high", "severity": "major" }, { "id": "crma-single-country", "threshold": 65 }]""";

        var e = Assert.Throws<RuleConfigurationException>(() =>
            RuleSetBuilder.Build(DefaultRules.All, RuleSetBuilder.ParseJson(json, "rules.json"), "rules.json"));

        Assert.Equal(2, e.Errors.Count);
    }

    [Theory]
    [InlineData("""[{ "id": "hhi-high", "treshold": 1 }]""", "$[0].treshold")] // misspelt field
    [InlineData("""[{ "id": "hhi-high", "threshold": "high" }]""", "$[0].threshold")] // wrong type
    [InlineData("""{ "rules": [{ "id": 5 }] }""", "$.rules[0].id")] // wrong type, wrapped
    [InlineData("""{ "rules": [ { "id": "x" } """, "line 1")] // truncated JSON
    [InlineData("""{ "other": [] }""", "$: expected an array of rules")] // wrong shape
    [InlineData("""[null]""", "$[0]: a rule cannot be null")] // null entry
    [InlineData("""[{ "id": "hhi-high", "window": 12 }]""", "$[0].window")] // window as a number
    public void ParseJson_Malformed_NamesTheJsonPath(string json, string expected)
    {
        var e = Assert.Throws<RuleConfigurationException>(() => RuleSetBuilder.ParseJson(json, "rules.json"));

        Assert.StartsWith(expected, Assert.Single(e.Errors), StringComparison.Ordinal);
        Assert.Contains("rules.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NegativeThresholdOnAChangeMetric_IsAccepted()
    {
        var rules = RuleSetBuilder.Build([], RuleSetBuilder.ParseJson(
            """[{ "id": "hhi-drop", "name": "HHI drop", "metric": "HHICHANGEFROMPREVIOUS", "operator": "<", "threshold": -500, "clearThreshold": -100, "severity": "info" }]""", "rules.json"), "rules.json");

        var rule = Assert.Single(rules);
        Assert.Equal("hhiChangeFromPrevious", rule.Metric); // canonical spelling
        Assert.Equal(-500, rule.Threshold);
        Assert.Equal(-100, rule.ClearThreshold);
    }

    [Theory]
    [InlineData(null, IndexSelection.Published)] // not given: the published periods, as before windows existed
    [InlineData("published", IndexSelection.Published)] // explicit default
    [InlineData("monthly", IndexSelection.Monthly)] // monthly rows
    [InlineData("annual", IndexSelection.Annual)] // calendar years, also summed from months
    [InlineData(" Rolling12 ", IndexSelection.Rolling12)] // case and blanks do not matter
    public void Build_Window_IsParsed(string? window, IndexSelection expected)
    {
        var definition = new RuleDefinition { Id = "cr1-rolling", Name = "R", Metric = "cr1", Operator = ">", Threshold = 0.65, Severity = "warning", Window = window };

        var rule = Assert.Single(RuleSetBuilder.Build([], [definition], "test"));

        Assert.Equal(expected, rule.Window);
    }

    [Fact]
    public void Build_OverrideWithoutWindow_KeepsTheBaseRulesWindow()
    {
        var rolling = DefaultRules.HhiHigh with { Window = IndexSelection.Rolling12 };

        var rules = RuleSetBuilder.Build([rolling], RuleSetBuilder.ParseJson("""[{ "id": "hhi-high", "threshold": 3000 }]""", "rules.json"), "rules.json");

        Assert.Equal((IndexSelection.Rolling12, 3000d), (rules[0].Window, rules[0].Threshold));
    }

    [Fact]
    public void Build_DefaultRuleMovedToRolling12_ChangesOnlyItsWindow()
    {
        var rules = RuleSetBuilder.Build(DefaultRules.All, RuleSetBuilder.ParseJson("""[{ "id": "crma-single-country", "window": "rolling12" }]""", "rules.json"), "rules.json");

        Assert.Equal(DefaultRules.CrmaSingleCountry with { Window = IndexSelection.Rolling12 }, rules[0]);
        Assert.Equal(IndexSelection.Published, rules[1].Window);
    }

    [Fact]
    public void Validate_UndefinedWindowValue_NamesRuleAndField()
    {
        var errors = RuleSetBuilder.Validate(DefaultRules.HhiHigh with { Window = (IndexSelection)7 });

        Assert.Equal(["rule 'hhi-high': field 'window' is 7; expected one of published, monthly, annual, rolling12"], errors);
    }

    [Fact]
    public void Build_LifecycleFields_AreParsedAndKeptByLaterOverrides()
    {
        var rules = RuleSetBuilder.Build(
            DefaultRules.All,
            RuleSetBuilder.ParseJson("""[{ "id": "hhi-high", "for": 2, "keepFiringFor": 1, "noData": "keepLast", "noDataAfter": 6 }]""", "rules.json"),
            "rules.json");
        var again = RuleSetBuilder.Build(rules, [new RuleDefinition { Id = "hhi-high", Threshold = 2600 }], "settings");

        var hhi = rules.Single(r => r.Id == DefaultRules.HhiHighId);
        Assert.Equal((2, 1, NoDataPolicy.KeepLast, 6), (hhi.For, hhi.KeepFiringFor, hhi.NoData, hhi.NoDataAfter));
        var crma = rules.Single(r => r.Id == DefaultRules.CrmaSingleCountryId);
        Assert.Equal((0, 0, NoDataPolicy.NoData, Rule.DefaultNoDataAfter), (crma.For, crma.KeepFiringFor, crma.NoData, crma.NoDataAfter)); // defaults
        var overridden = again.Single(r => r.Id == DefaultRules.HhiHighId);
        Assert.Equal((2, 1, NoDataPolicy.KeepLast, 6, 2600.0), (overridden.For, overridden.KeepFiringFor, overridden.NoData, overridden.NoDataAfter, overridden.Threshold));
    }
}
