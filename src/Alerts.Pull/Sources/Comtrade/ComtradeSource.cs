using System.Globalization;
using Alerts.Pull;
using Alerts.Pull.Sources;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Comtrade;
using Microsoft.Extensions.Options;

namespace Alerts.Pull.Sources.Comtrade;

/// <summary>
/// UN Comtrade v1 as a pull source: the trailing window of one product, imports of the configured reporter
/// (<c>EU27_2020</c> is M49 97). Without a subscription key the client asks the preview endpoint once per period.
/// </summary>
public sealed class ComtradeSource(ComtradeClient client, IOptions<PullOptions> options, TimeProvider time) : ITradeSource, IMirrorExportSource
{
    public string Name => "comtrade";

    /// <summary>
    /// One request per year with the keyless preview (one with a key): <c>reporterCode</c> = the partners' M49 codes,
    /// <c>partnerCode=97</c> (the EU), <c>flowCode=X</c>. Partners without an M49 code are left out.
    /// </summary>
    public async Task<TradeDataSet?> FetchExportsToEuAsync(string product, IReadOnlyCollection<string> partners, IReadOnlyList<int> years, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(partners);
        ArgumentNullException.ThrowIfNull(years);
        var codes = partners.Select(p => M49CountryCodes.Default.TryGetM49(p, out var code) ? code : -1).Where(c => c > 0).Distinct().Order().ToList();
        if (product.Length != 6 || codes.Count == 0 || years.Count == 0)
        {
            return null;
        }

        var query = new ComtradeQuery
        {
            Products = [product],
            ReporterCodes = codes,
            PartnerCode = ReporterCode(Statistics.Scope.PartnerScope.EuReporter),
            Flow = TradeFlow.Export,
            Periods = [.. years.Order().Select(Period.Annual)],
        };
        return await client.GetAsync(query, cancellationToken).ConfigureAwait(false);
    }

    public Task<TradeDataSet> FetchAsync(string product, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(product);
        if (product.Length != 6)
        {
            // Comtrade resolves to HS6 only; asking for a CN8 code (gallium's 81129289) would spend a call on an
            // error, and its HS6 parent would mix in other metals. Skipped, saying why.
            throw new TradeSourceException(ComtradeClient.SourceName, product, "UN Comtrade resolves to HS6 codes only; this code is pulled from Comext")
            {
                NotAttempted = true,
            };
        }

        return FetchReportersAsync(product, cancellationToken);
    }

    private async Task<TradeDataSet> FetchReportersAsync(string product, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var (from, to) = PullWindow.For(o, time.GetUtcNow());
        var parts = new List<TradeDataSet>();
        foreach (var reporter in o.EffectiveReporters)
        {
            var query = new ComtradeQuery { Products = [product], ReporterCode = ReporterCode(reporter), Periods = Periods(from, to) };
            parts.Add(await client.GetAsync(query, cancellationToken).ConfigureAwait(false));
        }

        return parts.Count == 1 ? parts[0] : TradeDataSet.Combine(TradeDataSource.Comtrade, TradeDataFormat.ComtradeJson, $"Comtrade {product} ({string.Join(", ", o.EffectiveReporters)})", parts);
    }

    /// <summary>The M49 code of a reporter given as Comext names it (<c>EU27_2020</c>, <c>DE</c>) or as a number.</summary>
    public static int ReporterCode(string reporter)
    {
        if (int.TryParse(reporter, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return code;
        }

        return M49CountryCodes.Default.TryGetM49(reporter, out code)
            ? code
            : throw new InvalidOperationException($"Setting Pull:Reporter '{reporter}' has no UN Comtrade (M49) reporter code; use EU27_2020, an ISO-2 country code or an M49 number.");
    }

    /// <summary>Every period from <paramref name="from"/> to <paramref name="to"/>, both included, of their frequency.</summary>
    public static IReadOnlyList<Period> Periods(Period from, Period to)
    {
        var periods = new List<Period>();
        for (var p = from; p.CompareTo(to) <= 0; p = p.Next())
        {
            periods.Add(p);
        }

        return periods;
    }
}
