using Alerts.Compute.Engine;
using Alerts.Deliver.Charts;
using Alerts.Deliver.Rendering;
using Alerts.Pull.Statistics;
using Alerts.Route.Subscriptions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Deliver.Tests.Charts;

public sealed class ChartLinksTests
{
    private static readonly ChartRequest Magnets = new("EU27_2020", "850511", Basis.Weight, IndexSelection.Published, ChartKind.Share);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Issue_ALinkOnThePublicBaseUrl_ThatChecksValid()
    {
        var url = Links().Issue(Magnets);

        Assert.StartsWith("https://alerts.example.com/api/charts/trend.png?reporter=EU27_2020&product=850511&basis=weight&window=published&kind=share&expires=", url.ToString(), StringComparison.Ordinal);
        Assert.Equal(TokenCheck.Valid, Check(Links(), url, Magnets));
    }

    [Fact]
    public void Check_AnotherChartWithTheSameSignature_Invalid()
    {
        var url = Links().Issue(Magnets);

        // Each part of what the link names is in the MAC.
        Assert.Equal(TokenCheck.Invalid, Check(Links(), url, Magnets with { Product = "280530" }));
        Assert.Equal(TokenCheck.Invalid, Check(Links(), url, Magnets with { Reporter = "DE" }));
        Assert.Equal(TokenCheck.Invalid, Check(Links(), url, Magnets with { Kind = ChartKind.Hhi }));
        Assert.Equal(TokenCheck.Invalid, Check(Links(), url, Magnets with { Basis = Basis.Value }));
    }

    [Fact]
    public void Check_AnotherKeyOrAlteredExpiryOrGarbage_Invalid()
    {
        var url = Links().Issue(Magnets);
        var (expires, sig) = Parts(url);

        Assert.Equal(TokenCheck.Invalid, Check(Links("another-key-of-at-least-32-characters!!"), url, Magnets));
        Assert.Equal(TokenCheck.Invalid, Links().Check(Magnets, (long.Parse(expires, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), sig));
        Assert.Equal(TokenCheck.Invalid, Links().Check(Magnets, expires, "not/base64url"));
        Assert.Equal(TokenCheck.Invalid, Links().Check(Magnets, null, null));
    }

    [Fact]
    public void Check_AfterItsLifetime_Expired()
    {
        var url = Links().Issue(Magnets);

        _time.Advance(ChartLinks.Lifetime + TimeSpan.FromSeconds(1));

        Assert.Equal(TokenCheck.Expired, Check(Links(), url, Magnets));
    }

    [Theory]
    [InlineData("EU27_2020", "850511", "tonnes", null, null, "'basis' is 'tonnes'")]
    [InlineData("EU27_2020", "850511", null, "weekly", null, "'window' is 'weekly'")]
    [InlineData("EU27_2020", "850511", null, null, "pie", "'kind' is 'pie'")]
    [InlineData("", "850511", null, null, null, "'reporter' is required")]
    [InlineData("EU27_2020", null, null, null, null, "'product' is required")]
    public void Parse_BadParameter_NamesIt(string? reporter, string? product, string? basis, string? window, string? kind, string expected)
    {
        var (request, error) = ChartRequest.Parse(reporter, product, basis, window, kind);

        Assert.Null(request);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    private ChartLinks Links(string key = "test-signing-key-of-at-least-32-characters")
    {
        var keys = new SubscriptionTokenOptions();
        keys.SigningKeys.Add(key);
        return new ChartLinks(Options.Create(keys), Options.Create(new RenderingOptions { PublicBaseUrl = "https://alerts.example.com/" }), _time);
    }

    private static TokenCheck Check(ChartLinks links, Uri url, ChartRequest chart)
    {
        var (expires, sig) = Parts(url);
        return links.Check(chart, expires, sig);
    }

    private static (string Expires, string Sig) Parts(Uri url)
    {
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        return (query["expires"]!, query["sig"]!);
    }
}
