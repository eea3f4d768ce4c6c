using System.Globalization;
using System.Net;
using System.Text;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Comtrade;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Pull.Sources.Comtrade;

/// <summary>
/// UN Comtrade v1 client: the keyed <c>data/v1/get</c> endpoint with the <c>Ocp-Apim-Subscription-Key</c> header,
/// or the keyless preview endpoint (one period per call). Calls are counted against a daily budget
/// (<see cref="ComtradeCallBudget"/>); a 429 is retried after the time the server names (Retry-After or the body).
/// Results are totals only, partners mapped to ISO-2 (see <see cref="ComtradeJsonReader"/>).
/// </summary>
public sealed class ComtradeClient
{
    public const string SourceName = "Comtrade";
    public const string KeyHeader = "Ocp-Apim-Subscription-Key";

    private readonly HttpClient _http;
    private readonly ComtradeClientOptions _options;
    private readonly ComtradeCallBudget _budget;
    private readonly ILogger<ComtradeClient> _logger;

    public ComtradeClient(HttpClient http, IOptions<ComtradeClientOptions> options, ComtradeCallBudget budget, ILogger<ComtradeClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _budget = budget;
        _logger = logger;
    }

    public bool UsesPreview => string.IsNullOrEmpty(_options.SubscriptionKey);

    /// <summary>Calls left today.</summary>
    public int RemainingCalls => _budget.Remaining;

    /// <summary>The request path and query (relative to the base URL) for a query; preview takes one period.</summary>
    public string BuildPath(ComtradeQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var prefix = UsesPreview ? "public/v1/preview" : "data/v1/get";
        var flow = query.Flow == TradeFlow.Import ? "M" : "X";
        var sb = new StringBuilder($"{prefix}/{_options.TypeCode}/{query.Frequency}/{_options.Classification}");
        sb.Append("?reporterCode=").Append(Uri.EscapeDataString(query.ReporterCodeList));
        sb.Append("&period=").Append(Uri.EscapeDataString(string.Join(",", query.PeriodCodes)));
        sb.Append("&cmdCode=").Append(Uri.EscapeDataString(string.Join(",", query.Products)));
        sb.Append("&flowCode=").Append(flow);
        if (query.PartnerCode is { } partner)
        {
            sb.Append(CultureInfo.InvariantCulture, $"&partnerCode={partner}");
        }

        // Ask for totals only; the reader enforces the same rules whatever comes back.
        sb.Append("&partner2Code=0&customsCode=C00&motCode=0");
        return sb.ToString();
    }

    /// <summary>
    /// Fetches a query; with the preview endpoint, one call per period, combined. A query needing more calls than
    /// today's budget has left is refused before any call, so a product that cannot complete spends nothing.
    /// </summary>
    public async Task<TradeDataSet> GetAsync(ComtradeQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var needed = UsesPreview ? query.Periods.Count : 1;
        if (_budget.Remaining is var left && left < needed)
        {
            var state = left == 0
                ? $"daily call budget of {_budget.DailyLimit} calls is spent"
                : $"daily call budget of {_budget.DailyLimit} calls has {left} left, {needed} needed";
            throw new TradeSourceException(SourceName, query.ProductLabel, string.Create(CultureInfo.InvariantCulture, $"{state}; not calling; it resets at {_budget.ResetsAt:yyyy-MM-dd HH:mm} UTC"))
            {
                NotAttempted = true,
            };
        }

        if (!UsesPreview || query.Periods.Count == 1)
        {
            return await FetchAsync(query, cancellationToken).ConfigureAwait(false);
        }

        var parts = new List<TradeDataSet>();
        foreach (var period in query.Periods)
        {
            parts.Add(await FetchAsync(query with { Periods = [period] }, cancellationToken).ConfigureAwait(false));
        }

        return TradeDataSet.Combine(TradeDataSource.Comtrade, TradeDataFormat.ComtradeJson, $"Comtrade {query.ProductLabel}", parts);
    }

    /// <summary>Fetches each product separately; one product's failure is recorded and the others carry on.</summary>
    public async Task<IReadOnlyList<ProductPull>> GetProductsAsync(ComtradeQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var results = new List<ProductPull>();
        foreach (var product in query.Products)
        {
            try
            {
                results.Add(new ProductPull(product, await GetAsync(query with { Products = [product] }, cancellationToken).ConfigureAwait(false), null));
            }
            catch (Exception e) when (e is TradeSourceException or TradeDataFormatException)
            {
                _logger.LogWarning("Comtrade pull of {Product} failed: {Error}", product, e.Message);
                results.Add(new ProductPull(product, null, e));
            }
        }

        return results;
    }

    private async Task<TradeDataSet> FetchAsync(ComtradeQuery query, CancellationToken cancellationToken)
    {
        var relative = BuildPath(query);
        var product = query.ProductLabel;
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_options.BaseUrl.AbsoluteUri.TrimEnd('/') + "/" + relative));
        if (!UsesPreview)
        {
            request.Headers.TryAddWithoutValidation(KeyHeader, _options.SubscriptionKey);
        }

        HttpResponseMessage response;
        try
        {
            response = await SourceHttp.SendAsync(_http, request, SourceName, product, cancellationToken).ConfigureAwait(false);
        }
        catch (TradeSourceException e) when (e.Product == "(any)")
        {
            throw new TradeSourceException(SourceName, product, e.Problem, e.StatusCode, e) { NotAttempted = e.NotAttempted };
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var body = await ResponseBody.SnippetAsync(response, cancellationToken).ConfigureAwait(false);
                var wait = Resilience.RetryAfter.FromHeaders(response.Headers, _budget.Now) ?? Resilience.RetryAfter.FromBody(body);
                throw new TradeSourceException(SourceName, product, $"rate limited (HTTP 429) after retries{(wait is { } w ? $"; server asks to wait {w.TotalSeconds:F0} s" : string.Empty)}: {body}", status);
            }

            if (!response.IsSuccessStatusCode)
            {
                var snippet = await ResponseBody.SnippetAsync(response, cancellationToken).ConfigureAwait(false);
                throw new TradeSourceException(SourceName, product, $"HTTP {status} from {relative.Split('?')[0]}: {snippet}", status);
            }

            using var bodyStream = await ResponseBody.ReadAsync(response, _options.MaxResponseBytes, SourceName, product, cancellationToken).ConfigureAwait(false);
            var origin = $"{SourceName} {product} ({relative.Split('?')[0]})";
            var data = ComtradeJsonReader.Read(bodyStream, origin, new TradeDataReaderOptions { MaxBytes = _options.MaxResponseBytes });
            _logger.LogInformation("Comtrade {Product}: {Observations} observations; {Remaining} calls left today", product, data.Observations.Count, _budget.Remaining);
            // Kept as served so a pull that brings new data can archive it; the query string holds no key (that is a header).
            return data.WithPayload(new RawPayload($"{SourceName} {product} ({relative})", "json", bodyStream.ToArray()));
        }
    }
}
