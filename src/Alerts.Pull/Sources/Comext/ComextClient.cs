using System.Net;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.JsonStat;
using Alerts.Pull.Statistics.SdmxCsv;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Pull.Sources.Comext;

/// <summary>
/// Eurostat Comext client (no key). Each call returns the parsed observations and the data vintage. A request
/// Comext refuses as too big (413 <c>EXTRACTION_TOO_BIG</c>) is split by product, then by year, and the parts
/// combined; 404 means no data (an empty set). Errors name the source, the product and, for a bad body, where
/// in the payload.
/// </summary>
public sealed class ComextClient
{
    public const string SourceName = "Comext";

    private readonly HttpClient _http;
    private readonly ComextClientOptions _options;
    private readonly ILogger<ComextClient> _logger;

    public ComextClient(HttpClient http, IOptions<ComextClientOptions> options, ILogger<ComextClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Fetches a query through the statistics API (JSON-stat).</summary>
    public Task<TradeDataSet> GetAsync(ComextQuery query, CancellationToken cancellationToken) =>
        GetSplittingAsync(query, useSdmx: false, 0, cancellationToken);

    /// <summary>Fetches a query through the SDMX 2.1 API (SDMX-CSV).</summary>
    public Task<TradeDataSet> GetSdmxAsync(ComextQuery query, CancellationToken cancellationToken) =>
        GetSplittingAsync(query, useSdmx: true, 0, cancellationToken);

    /// <summary>Fetches each product separately; one product's failure is recorded and the others carry on.</summary>
    public async Task<IReadOnlyList<ProductPull>> GetProductsAsync(ComextQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tasks = query.Products.Select(async product =>
        {
            try
            {
                return new ProductPull(product, await GetAsync(query with { Products = [product] }, cancellationToken).ConfigureAwait(false), null);
            }
            catch (Exception e) when (e is TradeSourceException or TradeDataFormatException)
            {
                _logger.LogWarning("Comext pull of {Product} failed: {Error}", product, e.Message);
                return new ProductPull(product, null, e);
            }
        });
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async Task<TradeDataSet> GetSplittingAsync(ComextQuery query, bool useSdmx, int depth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        try
        {
            return await FetchAsync(query, useSdmx, cancellationToken).ConfigureAwait(false);
        }
        catch (ExtractionTooBigException) when (depth < _options.MaxSplitDepth && ComextRequestBuilder.Split(query) is { } parts)
        {
            _logger.LogInformation("Comext refused {Product} {From}..{To} as too big; splitting into {Parts} requests", query.ProductLabel, query.From, query.To, parts.Count);
            var results = new List<TradeDataSet>(parts.Count);
            foreach (var part in parts)
            {
                results.Add(await GetSplittingAsync(part, useSdmx, depth + 1, cancellationToken).ConfigureAwait(false));
            }

            return TradeDataSet.Combine(TradeDataSource.Comext, useSdmx ? TradeDataFormat.ComextSdmxCsv : TradeDataFormat.ComextJsonStat, $"Comext {query.ProductLabel} (split into {parts.Count})", results);
        }
        catch (ExtractionTooBigException e)
        {
            throw new TradeSourceException(SourceName, query.ProductLabel, $"extraction too big and cannot be split further: {e.Message}", 413);
        }
    }

    private async Task<TradeDataSet> FetchAsync(ComextQuery query, bool useSdmx, CancellationToken cancellationToken)
    {
        var relative = useSdmx ? ComextRequestBuilder.Sdmx(query, _options.Dataset) : ComextRequestBuilder.Statistics(query, _options.Dataset);
        var uri = new Uri(_options.BaseUrl.AbsoluteUri.TrimEnd('/') + "/" + relative);
        var product = query.ProductLabel;
        var origin = $"{SourceName} {product} ({relative})";
        using var response = await SourceHttp.SendAsync(_http, new HttpRequestMessage(HttpMethod.Get, uri), SourceName, product, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.RequestEntityTooLarge)
        {
            throw new ExtractionTooBigException(await ResponseBody.SnippetAsync(response, cancellationToken).ConfigureAwait(false));
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            _logger.LogInformation("Comext has no data for {Product} {From}..{To}", product, query.From, query.To);
            return new TradeDataSet(TradeDataSource.Comext, useSdmx ? TradeDataFormat.ComextSdmxCsv : TradeDataFormat.ComextJsonStat, origin, DataVintage.Unknown, []);
        }

        if (!response.IsSuccessStatusCode)
        {
            var snippet = await ResponseBody.SnippetAsync(response, cancellationToken).ConfigureAwait(false);
            if (snippet.Contains("EXTRACTION_TOO_BIG", StringComparison.Ordinal))
            {
                throw new ExtractionTooBigException(snippet);
            }

            throw new TradeSourceException(SourceName, product, $"HTTP {status} from {relative}: {snippet}", status);
        }

        using var body = await ResponseBody.ReadAsync(response, _options.MaxResponseBytes, SourceName, product, cancellationToken).ConfigureAwait(false);
        var readerOptions = new TradeDataReaderOptions { MaxBytes = _options.MaxResponseBytes };
        var data = useSdmx ? SdmxCsvReader.Read(body, origin, readerOptions) : JsonStatReader.Read(body, origin, readerOptions);
        _logger.LogInformation("Comext {Product} {From}..{To}: {Observations} observations, vintage {Vintage}", product, query.From, query.To, data.Observations.Count, data.Vintage.Text);
        return data.WithPayload(new RawPayload(origin, useSdmx ? "csv" : "json", body.ToArray()));
    }

    private sealed class ExtractionTooBigException(string message) : Exception(message);
}
