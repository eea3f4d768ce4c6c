using Alerts.Route.Silences;
using Microsoft.Extensions.Configuration;

namespace Alerts.Route.Tests.Silences;

public sealed class SilenceSettingsReaderTests
{
    private static IConfigurationSection Section(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key.Replace("__", ":", StringComparison.Ordinal), s.Value)))
            .Build()
            .GetSection("Silences");

    [Fact]
    public void Read_MatchersAndTheOldShorthands_BecomeOneModel()
    {
        var (silences, errors) = SilenceSettingsReader.Read(Section(
            ("Silences__0__Matchers__0__Name", "reporter"),
            ("Silences__0__Matchers__0__Value", "DE|FR"),
            ("Silences__0__Matchers__0__IsRegex", "true"),
            ("Silences__0__StartsAt", "2026-12-01T00:00:00Z"),
            ("Silences__0__EndsAt", "2026-12-24T00:00:00Z"),
            // a silence naming only a commodity (the fields from before matchers)
            ("Silences__1__Commodity", "rare-earths"),
            ("Silences__1__StartsAt", "2026-12-01T00:00:00Z"),
            ("Silences__1__EndsAt", "2026-12-24T00:00:00Z"),
            ("Silences__1__SubscriptionId", "sub-1")));

        Assert.Empty(errors);
        Assert.Equal(2, silences.Count);
        Assert.Equal([new SilenceMatcher("reporter", "DE|FR", IsRegex: true)], silences[0].Matchers);
        Assert.Equal([new SilenceMatcher("commodity", "rare-earths")], silences[1].Matchers);
        Assert.Equal(("config-1", "sub-1", SilenceScope.Global, SilenceSources.Configuration), (silences[1].Id, silences[1].SubscriptionId, silences[1].Scope, silences[1].Source));
    }

    [Fact]
    public void Read_BadEntries_EveryOneNamedBySetting()
    {
        var (silences, errors) = SilenceSettingsReader.Read(Section(
            // the README's old wrong names: silently ignored before, named now
            ("Silences__0__Commodity", "rare-earths"),
            ("Silences__0__Start", "2026-12-01T00:00:00Z"),
            ("Silences__0__End", "2026-12-24T00:00:00Z"),
            // an empty value, and an end before the start
            ("Silences__1__Reporter", ""),
            ("Silences__1__StartsAt", "2026-12-24T00:00:00Z"),
            ("Silences__1__EndsAt", "2026-12-01T00:00:00Z"),
            // an unknown matcher name and a bad flag
            ("Silences__2__Matchers__0__Name", "colour"),
            ("Silences__2__Matchers__0__Value", "red"),
            ("Silences__2__Matchers__0__IsRegex", "maybe"),
            ("Silences__2__StartsAt", "2026-12-01T00:00:00Z"),
            ("Silences__2__EndsAt", "2026-12-24"),
            // fine
            ("Silences__3__RuleId", "hhi-high"),
            ("Silences__3__StartsAt", "2026-12-01T00:00:00Z"),
            ("Silences__3__EndsAt", "2026-12-24T00:00:00Z")));

        Assert.Equal("config-3", Assert.Single(silences).Id);
        string[] named =
        [
            "Silences__0__Start:", "Silences__0__End:", "Silences__0__StartsAt: is required", "Silences__0__EndsAt: is required",
            "Silences__1__Reporter:", "Silences__1__EndsAt:",
            "Silences__2__Matchers__0__Name:", "Silences__2__Matchers__0__IsRegex:", "Silences__2__EndsAt:",
        ];
        foreach (var prefix in named)
        {
            Assert.Contains(errors, e => e.StartsWith(prefix, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(errors, e => e.StartsWith("Silences__3", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_NoMatcher_IsAnError()
    {
        var (_, errors) = SilenceSettingsReader.Read(Section(("Silences__0__StartsAt", "2026-12-01T00:00:00Z"), ("Silences__0__EndsAt", "2026-12-24T00:00:00Z")));

        Assert.Contains(errors, e => e.StartsWith("Silences__0: names no matcher", StringComparison.Ordinal));
    }
}
