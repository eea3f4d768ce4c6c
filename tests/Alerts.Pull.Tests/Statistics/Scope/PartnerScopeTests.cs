using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Scope;

namespace Alerts.Pull.Tests.Statistics.Scope;

public sealed class PartnerScopeTests
{
    [Theory]
    [InlineData("EU27_2020", "CN", PartnerClass.ThirdCountry)] // a supplier country
    [InlineData("EU27_2020", "TW", PartnerClass.ThirdCountry)] // Taiwan is a supplier
    [InlineData("EU27_2020", "GR", PartnerClass.IntraEu)] // Greece, Comext code GR
    [InlineData("EU27_2020", "DE", PartnerClass.IntraEu)] // member state
    [InlineData("DE", "FR", PartnerClass.IntraEu)] // member state reporting another
    [InlineData("DE", "DE", PartnerClass.Excluded)] // the reporter itself
    [InlineData("US", "FR", PartnerClass.ThirdCountry)] // a non-EU reporter has no intra-EU
    [InlineData("EU27_2020", "WORLD", PartnerClass.Excluded)] // aggregate
    [InlineData("EU27_2020", "EXT_EU27_2020", PartnerClass.Excluded)] // aggregate
    [InlineData("EU27_2020", "INT_EU27_2020", PartnerClass.Excluded)] // aggregate
    [InlineData("EU27_2020", "EXT_EA21", PartnerClass.Excluded)] // aggregate
    [InlineData("EU27_2020", "QP", PartnerClass.Excluded)] // high seas
    [InlineData("EU27_2020", "QS", PartnerClass.Excluded)] // stores and provisions
    [InlineData("EU27_2020", "QZ", PartnerClass.Excluded)] // not specified / confidential
    [InlineData("EU27_2020", "EU", PartnerClass.Excluded)] // the union as partner
    [InlineData("EU27_2020", "cn", PartnerClass.Excluded)] // not a code
    public void Classify_Partner_GivesItsClass(string reporter, string partner, PartnerClass expected) =>
        Assert.Equal(expected, PartnerScope.Classify(reporter, partner));

    [Fact]
    public void EuMemberStates_HasTheTwentySeven() => Assert.Equal(27, PartnerScope.EuMemberStates.Count);

    [Fact]
    public void Filter_EachScope_KeepsItsPartners()
    {
        var obs = new[] { "CN", "DE", "WORLD", "QZ", "US" }
            .Select(p => new TradeObservation("EU27_2020", p, "280530", TradeFlow.Import, Period.Annual(2024), 1, 1, "EUR"))
            .ToList();

        Assert.Equal(["CN", "US"], PartnerScope.Filter(obs).Select(o => o.Partner));
        Assert.Equal(["DE"], PartnerScope.Filter(obs, PartnerScopeKind.IntraEu).Select(o => o.Partner));
        Assert.Equal(["CN", "DE", "US"], PartnerScope.Filter(obs, PartnerScopeKind.AllCountries).Select(o => o.Partner));
    }
}
