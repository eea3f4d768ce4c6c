using Alerts.Deliver.Email;
using Alerts.Deliver.Rendering;
using Alerts.Deliver.Teams;
using Alerts.Deliver.Tests.Email;
using Alerts.Deliver.Tests.Teams;

namespace Alerts.Deliver.Tests.Rendering;

public sealed class CountryNamesTests
{
    [Theory]
    // known supplier
    [InlineData("CN", "China")]
    // case-insensitive
    [InlineData("my", "Malaysia")]
    // Eurostat's Greece
    [InlineData("EL", "Greece")]
    // the EU reporter
    [InlineData("EU27_2020", "EU")]
    // unknown code falls back to itself
    [InlineData("QZ", "QZ")]
    // empty
    [InlineData("", "unknown")]
    public void Of_Code_Name(string code, string expected)
    {
        Assert.Equal(expected, CountryNames.Of(code));
    }
}
