using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.DevStack.Replay;
using Alerts.Evaluate.Run;
using Alerts.Pull;
using Alerts.Pull.Sources;
using Alerts.Pull.Sources.Comext;
using Alerts.Pull.Sources.Comtrade;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Comtrade;
using Alerts.Pull.Statistics.JsonStat;
using Alerts.TestKit.Samples;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Pull.Tests.Sources;

/// <summary>
/// The project's <see cref="ReplayServer"/> serving <c>samples/replay</c> (Comext and Comtrade), the real clients and
/// sources wired by <c>AddTradeStatistics</c> against it, and the recorded data each product must come back as.
/// The pull window is 2019-2024 (six trailing years at 2025-11-20), the years every recording covers.
/// </summary>
internal static class RecordedSources
{
    /// <summary>The products every recording folder holds, in pull order.</summary>
    public static readonly string[] Products = ["280530", "284690", "850511"];

    public static readonly IReadOnlyList<Period> Years = [.. Enumerable.Range(2019, 6).Select(Period.Annual)];

    private static readonly DateTimeOffset Today = new(2025, 11, 20, 6, 0, 0, TimeSpan.Zero);

    public static async Task<ReplayServer> StartAsync()
    {
        var options = new ReplayServerOptions();
        foreach (var source in new[] { "comext", "comtrade" })
        {
            options.Sources.Add(new ReplaySource(source, "/" + source, Path.Combine(SampleFiles.Directory, "replay", source)));
        }

        return await ReplayServer.StartAsync(options);
    }

    /// <summary>The real composition pointed at the replay server, with the test's short delays plus <paramref name="overrides"/>.</summary>
    public static ServiceProvider Services(ReplayServer server, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configure = null)
    {
        var settings = new Dictionary<string, string?> { ["Sources:Comtrade:BaseUrl"] = server.SourceUrl("comtrade").ToString() };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return SourceTestServices.Build(server.SourceUrl("comext"), settings, configure);
    }

    public static ComextSource Comext(IServiceProvider services) =>
        new(services.GetRequiredService<ComextClient>(), Window, new FakeTimeProvider(Today));

    public static ComtradeSource Comtrade(IServiceProvider services) =>
        new(services.GetRequiredService<ComtradeClient>(), Window, new FakeTimeProvider(Today));

    /// <summary>Pulls the products one after another through the source, as <see cref="PullService"/> does; each product's failure is kept.</summary>
    public static async Task<IReadOnlyDictionary<string, ProductPull>> PullAsync(ITradeSource source, IEnumerable<string>? products = null)
    {
        var pulls = new Dictionary<string, ProductPull>(StringComparer.Ordinal);
        foreach (var product in products ?? Products)
        {
            try
            {
                pulls[product] = new ProductPull(product, await source.FetchAsync(product, CancellationToken.None), null);
            }
            catch (Exception e) when (e is TradeSourceException or TradeDataFormatException)
            {
                pulls[product] = new ProductPull(product, null, e);
            }
        }

        return pulls;
    }

    /// <summary>The observations of the product's Comext recording (JSON-stat, all six years), in a canonical order.</summary>
    public static IReadOnlyList<TradeObservation> ComextRecorded(string product)
    {
        using var body = SampleFiles.Open($"replay/comext/{product}.json");
        return Canonical(JsonStatReader.Read(body, product).Observations);
    }

    /// <summary>The observations of the product's Comtrade preview recordings, one file per year, in a canonical order.</summary>
    public static IReadOnlyList<TradeObservation> ComtradeRecorded(string product) =>
        Canonical(Years.SelectMany(year =>
        {
            using var body = SampleFiles.Open($"replay/comtrade/{product}/{year}.json");
            return ComtradeJsonReader.Read(body, $"{product}/{year}").Observations;
        }));

    /// <summary>Partner, then period: parts fetched separately (split requests, one call per year) combine to the same list.</summary>
    public static IReadOnlyList<TradeObservation> Canonical(IEnumerable<TradeObservation> observations) =>
        [.. observations.OrderBy(o => o.Partner, StringComparer.Ordinal).ThenBy(o => o.Period).ThenBy(o => o.Product, StringComparer.Ordinal)];

    /// <summary>Asserts every product but <paramref name="faulty"/> came back with exactly its recorded data.</summary>
    public static void AssertOthersRecorded(IReadOnlyDictionary<string, ProductPull> pulls, string faulty, Func<string, IReadOnlyList<TradeObservation>> recorded)
    {
        Assert.Equal(Products, pulls.Keys);
        foreach (var (product, pull) in pulls.Where(p => p.Key != faulty))
        {
            Assert.True(pull.Succeeded, $"{product} failed: {pull.Error?.Message}");
            Assert.Equal(recorded(product), Canonical(pull.Data!.Observations));
        }
    }

    /// <summary>Requests the server received for one product (Comext <c>product</c>, Comtrade <c>cmdCode</c>).</summary>
    public static IReadOnlyList<ReplayExchange> RequestsFor(ReplayServer server, string product) =>
        [.. server.Exchanges.Snapshot().Where(e => IsFor(e.Request, product))];

    public static bool IsFor(ReplayRequest request, string product) =>
        request.QueryValues("product").Contains(product) || request.QueryValue("cmdCode") == product;

    private static IOptions<PullOptions> Window => Options.Create(new PullOptions { TrailingYears = 6, Frequency = "A" });
}
