using System.Net;
using System.Text.Json;
using Alerts.DevStack.Replay;

namespace Alerts.DevStack.Tests;

public sealed class ReplayServerTests : IAsyncLifetime
{
    private const string Dataset = "statistics/1.0/data/DS-045409";
    private static readonly string Data = Path.Combine(AppContext.BaseDirectory, "ReplayData");
    private ReplayServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var options = new ReplayServerOptions();
        options.Sources.Add(new ReplaySource("comext", "/comext", Path.Combine(Data, "comext")));
        options.Sources.Add(new ReplaySource("comtrade", "/comtrade", Path.Combine(Data, "comtrade")));
        _server = await ReplayServer.StartAsync(options);
        _http = new HttpClient { BaseAddress = _server.SourceUrl("comext"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    // both listed indicators present: the first recording; extra parameters are ignored
    [InlineData("?format=JSON&product=850511&indicators=QUANTITY_IN_100KG&indicators=VALUE_IN_EUROS&time=2024", 1)]
    // one indicator only: the first recording needs both, so the second (product only) answers
    [InlineData("?product=850511&indicators=VALUE_IN_EUROS", 2)]
    // no indicators at all: the second recording
    [InlineData("?product=850511", 2)]
    public async Task Get_MatchingRecording_ServesItsBody(string query, int expectedValue)
    {
        using var response = await _http.GetAsync(Dataset + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(expectedValue, body.RootElement.GetProperty("value").GetProperty("0").GetInt32());
    }

    [Fact]
    public async Task Get_PathInOtherCase_StillMatches()
    {
        using var response = await _http.GetAsync("STATISTICS/1.0/data/ds-045409?product=850511");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_RecordedErrorWithHeaders_ServesStatusAndHeaders()
    {
        using var response = await _http.GetAsync(Dataset + "?product=999999");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("yes", Assert.Single(response.Headers.GetValues("X-Recorded")));
    }

    [Theory]
    // a product nobody recorded
    [InlineData("GET", Dataset + "?product=260200")]
    // the required query parameter is missing
    [InlineData("GET", Dataset)]
    // recorded for GET only
    [InlineData("POST", Dataset + "?product=850511")]
    // another path
    [InlineData("GET", "statistics/1.0/data/DS-999999?product=850511")]
    public async Task Send_NoRecordingMatches_Answers404WithSdmxErrorBody(string method, string url)
    {
        using var response = await _http.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = Assert.Single(body.RootElement.GetProperty("error").EnumerateArray());
        Assert.Equal(404, error.GetProperty("status").GetInt32());
        Assert.Contains("no recording", error.GetProperty("label").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_SecondSource_ServesItsOwnRecordingsUnderItsPrefix()
    {
        using var response = await _http.GetAsync(new Uri(_server.SourceUrl("comtrade"), "public/v1/preview/C/A/HS?cmdCode=280530&reporterCode=97"));
        using var comextPathOnComtrade = await _http.GetAsync(new Uri(_server.SourceUrl("comtrade"), Dataset + "?product=850511"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"count\":1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, comextPathOnComtrade.StatusCode);
        Assert.Equal(new Uri(_server.BaseUrl, "comtrade/"), _server.SourceUrl("comtrade"));
    }

    [Theory]
    // rate limited, with Retry-After in seconds
    [InlineData("429", 429)]
    // server failure
    [InlineData("500", 500)]
    // query over Comext's row limit
    [InlineData("413", 413)]
    public async Task InjectFault_Once_FaultsNextRequestThenServesRecording(string fault, int expectedStatus)
    {
        _server.InjectFault(fault switch
        {
            "429" => ReplayFault.TooManyRequests(TimeSpan.FromSeconds(3)),
            "500" => ReplayFault.ServerError(),
            _ => ReplayFault.ExtractionTooBig(),
        });

        using var faulted = await _http.GetAsync(Dataset + "?product=850511");
        using var next = await _http.GetAsync(Dataset + "?product=850511");

        Assert.Equal(expectedStatus, (int)faulted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        if (expectedStatus == 429)
        {
            Assert.Equal(TimeSpan.FromSeconds(3), faulted.Headers.RetryAfter?.Delta);
        }

        if (expectedStatus == 413)
        {
            Assert.Contains("EXTRACTION_TOO_BIG", await faulted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal([fault, null], _server.Exchanges.Snapshot().Select(e => e.Fault));
    }

    [Fact]
    public async Task InjectFault_WithPredicateAndCount_OnlyMatchingRequestsFaultThatManyTimes()
    {
        _server.InjectFault(ReplayFault.ServerError(), times: 2, when: r => r.QueryValue("product") == "999999");

        int[] statuses =
        [
            (int)(await _http.GetAsync(Dataset + "?product=850511")).StatusCode,
            (int)(await _http.GetAsync(Dataset + "?product=999999")).StatusCode,
            (int)(await _http.GetAsync(Dataset + "?product=999999")).StatusCode,
            (int)(await _http.GetAsync(Dataset + "?product=999999")).StatusCode,
        ];

        Assert.Equal([200, 500, 500, 400], statuses);
    }

    [Fact]
    public async Task InjectFault_DelayLongerThanClientTimeout_ClientTimesOutAndNextRequestIsServed()
    {
        _server.InjectFault(ReplayFault.Delayed(TimeSpan.FromSeconds(30)));
        using var impatient = new HttpClient { BaseAddress = _server.SourceUrl("comext"), Timeout = TimeSpan.FromMilliseconds(300) };

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetAsync(Dataset + "?product=850511"));
        using var next = await _http.GetAsync(Dataset + "?product=850511");

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task InjectFault_MalformedBody_ServesRecordingStatusWithUnparsableJson()
    {
        _server.InjectFault(ReplayFault.MalformedBody());

        using var response = await _http.GetAsync(Dataset + "?product=850511");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task Exchanges_AfterRequests_RecordSourceRelativePathAndQuery()
    {
        using var _ = await _http.GetAsync(Dataset + "?product=850511&indicators=A&indicators=B");

        var exchange = Assert.Single(await _server.Exchanges.WaitForCountAsync(1, TimeSpan.FromSeconds(5)));
        Assert.Equal("comext", exchange.Request.Source);
        Assert.Equal("/" + Dataset, exchange.Request.Path);
        Assert.Equal(["A", "B"], exchange.Request.Query["indicators"]);
        Assert.True(exchange.Matched);
    }

    [Theory]
    // statistics API: one product, one year - within the limit, served
    [InlineData(Dataset + "?product=850511&sinceTimePeriod=2024&untilTimePeriod=2024", 200)]
    // statistics API: two products
    [InlineData(Dataset + "?product=850511&product=280530&sinceTimePeriod=2024&untilTimePeriod=2024", 413)]
    // statistics API: two years
    [InlineData(Dataset + "?product=850511&sinceTimePeriod=2023&untilTimePeriod=2024", 413)]
    // statistics API: two months across a year end
    [InlineData(Dataset + "?product=850511&sinceTimePeriod=2023-12&untilTimePeriod=2024-01", 413)]
    // statistics API: no period range is not counted
    [InlineData(Dataset + "?product=850511", 200)]
    // SDMX: two products in the key's product segment (nothing recorded there, so within the limit it would be 404)
    [InlineData("sdmx/2.1/data/DS-045409/A.EU27_2020..850511+280530.1.VALUE_IN_EUROS?startPeriod=2024&endPeriod=2024", 413)]
    // SDMX: one product, two years
    [InlineData("sdmx/2.1/data/DS-045409/A.EU27_2020..850511.1.VALUE_IN_EUROS?startPeriod=2023&endPeriod=2024", 413)]
    // SDMX: one product, one year: not refused (and not recorded)
    [InlineData("sdmx/2.1/data/DS-045409/A.EU27_2020..850511.1.VALUE_IN_EUROS?startPeriod=2024&endPeriod=2024", 404)]
    public async Task LimitComextExtraction_OneProductOnePeriod_RefusesBiggerRequestsEveryTime(string url, int expectedStatus)
    {
        _server.LimitComextExtraction(maxProducts: 1, maxPeriods: 1);

        using var first = await _http.GetAsync(url);
        using var second = await _http.GetAsync(url);

        Assert.Equal([expectedStatus, expectedStatus], [(int)first.StatusCode, (int)second.StatusCode]);
        if (expectedStatus == 413)
        {
            Assert.Contains("EXTRACTION_TOO_BIG", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LimitComextExtraction_WithPredicate_OnlyThoseRequestsAreLimited()
    {
        _server.LimitComextExtraction(maxProducts: 1, maxPeriods: 1, when: r => r.QueryValue("product") == "999999");

        using var other = await _http.GetAsync(Dataset + "?product=850511&sinceTimePeriod=2019&untilTimePeriod=2024");
        using var limited = await _http.GetAsync(Dataset + "?product=999999&sinceTimePeriod=2019&untilTimePeriod=2024");

        Assert.Equal([200, 413], [(int)other.StatusCode, (int)limited.StatusCode]);
    }

    [Fact]
    public async Task InjectFault_Unlimited_FaultsEveryMatchingRequestUntilReset()
    {
        _server.InjectFault(ReplayFault.ServerError(), ReplayServer.Unlimited);

        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await _http.GetAsync(Dataset + "?product=850511");
            statuses.Add((int)response.StatusCode);
        }

        _server.Reset();
        using var afterReset = await _http.GetAsync(Dataset + "?product=850511");

        Assert.Equal([500, 500, 500, 500, 500], statuses);
        Assert.Equal(HttpStatusCode.OK, afterReset.StatusCode);
    }

    [Fact]
    public async Task InjectFault_TooManyRequestsInBody_NoRetryAfterHeaderTheWaitInTheBody()
    {
        _server.InjectFault(ReplayFault.TooManyRequestsInBody(TimeSpan.FromSeconds(7)));

        using var response = await _http.GetAsync(Dataset + "?product=850511");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
        Assert.Contains("Try again in 7 seconds.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exchanges_RepeatedParameter_QueryValuesListsEveryValueInOrder()
    {
        using var _ = await _http.GetAsync(Dataset + "?product=850511&product=280530");

        var request = Assert.Single(await _server.Exchanges.WaitForCountAsync(1, TimeSpan.FromSeconds(5))).Request;
        Assert.Equal(["850511", "280530"], request.QueryValues("product"));
        Assert.Empty(request.QueryValues("partner"));
    }
}
