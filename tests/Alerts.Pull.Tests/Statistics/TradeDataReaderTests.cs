using System.Text;
using Alerts.Compute.Engine;

using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Scope;
using Alerts.TestKit.Samples;

namespace Alerts.Pull.Tests.Statistics;

public sealed class TradeDataReaderTests
{
    private const string Csv = "DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE\n";
    private const string CsvRow = "D,01/01/26,A,EU27_2020,CN,280530,1,VALUE_IN_EUROS,2024,";

    private const string Dims =
        "'dimension':{'reporter':{'category':{'index':{'EU27_2020':0}}},'partner':{'category':{'index':{'CN':0}}},'product':{'category':{'index':{'280530':0}}}," +
        "'flow':{'category':{'index':{'1':0}}},'indicators':{'category':{'index':{'QUANTITY_IN_100KG':0}}},'time':{'category':{'index':{'2024':0}}}}";

    private const string Ids = "'id':['reporter','partner','product','flow','indicators','time'],'size':[1,1,1,1,1,1]";

    private static string Stat(string value) => $"{{'class':'dataset',{Ids},'value':{value},{Dims}}}".Replace('\'', '"');

    private static string Trade(string netWgt = "1", string extra = "") =>
        $"{{'count':1,'data':[{{'period':'2024','reporterCode':97,'flowCode':'M','partnerCode':156,'partner2Code':0,'cmdCode':'280530','customsCode':'C00','motCode':0,'netWgt':{netWgt},'primaryValue':2{extra}}}]}}".Replace('\'', '"');

    public static TheoryData<string, string, string> HostilePayloads() => new()
    {
        // empty file
        { "", "start of file", "empty" },
        // not any of the formats
        { "hello,world\n1,2\n", "start of file", "not a recognised format" },
        // JSON-stat cut off in the middle
        { Stat("{'0':5}")[..60], "", "truncated" },
        // JSON-stat value is a string
        { Stat("{'0':'12'}"), "$.value['0']", "expected a number or null, found a string" },
        // JSON-stat value is a boolean
        { Stat("{'0':true}"), "$.value['0']", "found a boolean" },
        // JSON-stat value is an object
        { Stat("{'0':{'x':1}}"), "$.value['0']", "found an object" },
        // NaN is not JSON
        { Stat("{'0':NaN}"), "$.value", "malformed" },
        // Infinity is not JSON
        { Stat("{'0':Infinity}"), "$.value", "malformed" },
        // a number beyond decimal range
        { Stat("{'0':1e400}"), "$.value['0']", "out of range" },
        // a huge but representable number
        { Stat("{'0':1e25}"), "$.value['0']", "exceeds the plausible maximum" },
        // negative quantity
        { Stat("{'0':-3}"), "$.value['0']", "negative" },
        // a quantity whose conversion to kg would leave the decimal range
        { Stat("{'0':1e27}"), "$.value['0']", "outside the plausible range" },
        // a sparse key of an observation block already passed (keys must ascend)
        { Stat("{'0':1}").Replace("[1,1,1,1,1,1]", "[1,2,1,1,1,1]", StringComparison.Ordinal).Replace("{'CN':0}".Replace('\'', '"'), "{'CN':0,'US':1}".Replace('\'', '"'), StringComparison.Ordinal).Replace("{\"0\":1}", "{\"1\":1,\"0\":2}", StringComparison.Ordinal), "$.value['0']", "ascending order" },
        // a key that is not a cell index
        { Stat("{'abc':1}"), "$.value['abc']", "not a cell index" },
        // an index beyond the cube
        { Stat("{'7':1}"), "$.value['7']", "outside the 1 cells" },
        // dense array longer than the cube
        { Stat("[1,2]"), "$.value", "dense array has 2 entries" },
        // the same cell twice
        { Stat("{'0':1,'0':2}"), "$.value['0']", "given twice" },
        // value neither object nor array
        { Stat("12"), "$.value", "expected an object (sparse) or an array (dense)" },
        // an unknown dimension in id
        { $"{{'class':'dataset','id':['reporter','partner','product','flow','indicators','time','colour'],'size':[1,1,1,1,1,1,1],'value':{{}},{Dims}}}".Replace('\'', '"'), "$.id", "unknown dimension 'colour'" },
        // a required dimension missing
        { "{'class':'dataset','id':['reporter'],'size':[1],'value':{},'dimension':{}}".Replace('\'', '"'), "$.id", "dimension 'partner' is missing" },
        // size disagrees with the category count
        { Stat("{}").Replace("'size':[1,1,1,1,1,1]".Replace('\'', '"'), "[1,1,2,1,1,1]".Insert(0, "\"size\":"), StringComparison.Ordinal), "$.dimension.product.category.index", "has 1 categories but $.size[2] is 2" },
        // an unknown indicator
        { Stat("{'0':1}").Replace("QUANTITY_IN_100KG", "WEIGHT_IN_TONNES", StringComparison.Ordinal), "$.dimension.indicators.category.index", "unknown indicator 'WEIGHT_IN_TONNES'" },
        // a time code that is not a period
        { Stat("{'0':1}").Replace("\"2024\":0", "\"2024Q1\":0", StringComparison.Ordinal), "$.dimension.time.category.index", "not a valid time code" },
        // a flow code other than 1/2
        { Stat("{'0':1}").Replace("\"1\":0", "\"3\":0", StringComparison.Ordinal), "$.dimension.flow.category.index", "not a valid flow code" },
        // the source's warning object
        { "{'warning':{'status':404,'label':'No data'}}".Replace('\'', '"'), "$.warning", "No data" },
        // a different JSON-stat class
        { "{'class':'collection','id':[]}".Replace('\'', '"'), "$.class", "expected class \"dataset\"" },
        // garbage after the document
        { Stat("{'0':1}") + "{}", "$", "invalid after a single JSON value" },
        // CSV missing a column
        { "DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,TIME_PERIOD,OBS_VALUE\nD,01/01/26,A,EU27_2020,CN,280530,1,2024,5\n", "line 1 (header)", "missing column(s) indicators" },
        // CSV with an extra column
        { "DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE,UNIT\n" + CsvRow + "5,kg\n", "line 1 (header)", "unexpected column(s) UNIT" },
        // CSV row with an extra field
        { Csv + CsvRow + "5,extra\n", "line 2", "expected 10 columns as in the header, found 11" },
        // CSV row missing a field
        { Csv + "D,01/01/26,A,EU27_2020,CN,280530,1,VALUE_IN_EUROS,2024\n", "line 2", "found 9" },
        // CSV NaN
        { Csv + CsvRow + "NaN\n", "line 2", "not a finite number" },
        // CSV infinity
        { Csv + CsvRow + "Infinity\n", "line 2", "not a finite number" },
        // CSV number beyond range
        { Csv + CsvRow + "1e300\n", "line 2", "out of range" },
        // CSV negative quantity
        { Csv + "D,01/01/26,A,EU27_2020,CN,280530,1,QUANTITY_IN_100KG,2024,-1\n", "line 2", "negative" },
        // CSV text where a number belongs
        { Csv + CsvRow + "12 t\n", "line 2", "'12 t' is not a number" },
        // CSV duplicate row
        { Csv + CsvRow + "5\n" + CsvRow + "6\n", "line 3", "duplicate row" },
        // CSV unknown indicator
        { Csv + "D,01/01/26,A,EU27_2020,CN,280530,1,PIECES,2024,5\n", "line 2", "unknown indicator 'PIECES'" },
        // CSV period that does not match freq
        { Csv + "D,01/01/26,A,EU27_2020,CN,280530,1,VALUE_IN_EUROS,2024-01,5\n", "line 2", "does not match freq" },
        // CSV period garbage
        { Csv + "D,01/01/26,M,EU27_2020,CN,280530,1,VALUE_IN_EUROS,24-1,5\n", "line 2", "not a period" },
        // CSV bad LAST UPDATE
        { Csv + "D,yesterday,A,EU27_2020,CN,280530,1,VALUE_IN_EUROS,2024,5\n", "line 2", "LAST UPDATE 'yesterday'" },
        // CSV bad flow
        { Csv + "D,01/01/26,A,EU27_2020,CN,280530,9,VALUE_IN_EUROS,2024,5\n", "line 2", "flow '9'" },
        // CSV code with spaces/punctuation
        { Csv + "D,01/01/26,A,EU27_2020,C N;,280530,1,VALUE_IN_EUROS,2024,5\n", "line 2", "partner code" },
        // Comtrade netWgt as a string
        { Trade("\"1000\""), "$.data[0].netWgt", "expected a number or null, found a string" },
        // Comtrade negative weight
        { Trade("-5"), "$.data[0].netWgt", "negative" },
        // Comtrade count disagrees (truncated list)
        { "{'count':3,'data':[]}".Replace('\'', '"'), "$.count", "says 3 records but $.data has 0" },
        // Comtrade error body (429)
        { "{'statusCode':429,'message':'Rate limit is exceeded. Try again in 12 seconds.'}".Replace('\'', '"'), "$.data", "Rate limit is exceeded" },
        // Comtrade error field
        { "{'count':0,'data':[],'error':'Invalid parameter cmdCode'}".Replace('\'', '"'), "$.error", "Invalid parameter cmdCode" },
        // Comtrade motCode of the wrong type
        { Trade(extra: ",'motCode':'sea'".Replace('\'', '"')), "$.data[0].motCode", "expected an integer" },
        // Comtrade data not an array
        { "{'count':1,'data':{'a':1}}".Replace('\'', '"'), "$.data", "expected an array of records" },
        // Comtrade truncated
        { Trade()[..50], "", "truncated" },
        // Comtrade duplicate records
        { "{'count':2,'data':[R,R]}".Replace('\'', '"').Replace("R", Trade()[19..^2], StringComparison.Ordinal), "$.data[1]", "duplicate record" },
    };

    [Theory]
    [MemberData(nameof(HostilePayloads))]
    public void Read_HostilePayload_FailsWithLocationAndProblem(string payload, string location, string problem)
    {
        var e = Assert.Throws<TradeDataFormatException>(() => TradeDataReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(payload)), "hostile.dat"));

        Assert.Contains(location, e.Location, StringComparison.Ordinal);
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
        Assert.Contains("hostile.dat", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TradeDataFormat.ComextJsonStat)]
    [InlineData(TradeDataFormat.ComextSdmxCsv)]
    [InlineData(TradeDataFormat.ComtradeJson)]
    public void Read_FiftyMegabyteBody_FailsAtTheSizeLimit(TradeDataFormat format)
    {
        var head = format switch
        {
            TradeDataFormat.ComextSdmxCsv => Csv,
            TradeDataFormat.ComtradeJson => "{\"count\":1,\"data\":[",
            _ => "{\"class\":\"dataset\",\"value\":[",
        };
        using var body = new EndlessStream(Encoding.UTF8.GetBytes(head), Encoding.UTF8.GetBytes(format switch
        {
            // ignored indicator rows: nothing accumulates, only the byte count grows
            TradeDataFormat.ComextSdmxCsv => "D,01/01/26,A,EU27_2020,CN,280530,1,SUPPLEMENTARY_QUANTITY,2024,5\n",
            // padded so the test spends its time on bytes, not tokens
            TradeDataFormat.ComtradeJson => "{}," + new string(' ', 125),
            _ => "null," + new string(' ', 123),
        }), 50L * 1024 * 1024);

        var e = Assert.Throws<TradeDataFormatException>(() => TradeDataReader.Read(body, format, "big.dat"));

        Assert.Contains("exceeds the limit of 33554432 bytes", e.Problem, StringComparison.Ordinal);
        Assert.True(body.Position <= TradeDataReaderOptions.DefaultMaxBytes + (1024 * 1024), $"read {body.Position} bytes");
    }

    [Fact]
    public void Read_SameDataInThreeFormats_GivesIdenticalObservationsAndIndices()
    {
        var jsonStat = TradeDataReader.ReadFile(SampleFiles.Get("equivalence/284690.json"));
        var sdmx = TradeDataReader.ReadFile(SampleFiles.Get("equivalence/284690.csv"));
        var comtrade = TradeDataReader.ReadFile(SampleFiles.Get("equivalence/284690-comtrade.json"));

        Assert.Equal(TradeDataFormat.ComextJsonStat, jsonStat.Format);
        Assert.Equal(TradeDataFormat.ComextSdmxCsv, sdmx.Format);
        Assert.Equal(TradeDataFormat.ComtradeJson, comtrade.Format);
        Assert.Equal(jsonStat.Observations, sdmx.Observations);
        Assert.Equal(jsonStat.ContentFingerprint, sdmx.ContentFingerprint);
        // Comtrade drops World at read time and has no EXT/INT aggregates; over real countries the data is the same
        // (values are in USD by definition, the sample copies the numbers).
        var countries = PartnerScope.Filter(jsonStat.Observations, PartnerScopeKind.AllCountries).ToList();
        Assert.Equal(countries, comtrade.Observations.Select(o => o with { Currency = "EUR" }));
        foreach (var basis in new[] { Basis.Weight, Basis.Value })
        {
            var a = PeriodIndices.Compute(jsonStat.Observations, basis);
            var b = PeriodIndices.Compute(sdmx.Observations, basis);
            var c = PeriodIndices.Compute(comtrade.Observations, basis);
            Assert.Equal(6, a.Count);
            Assert.Equal(a.Select(Key), b.Select(Key));
            Assert.Equal(a.Select(Key), c.Select(Key));
        }
    }

    private static string Key(PeriodIndices p) =>
        $"{p.Reporter}|{p.Product}|{p.Flow}|{p.Period}|{p.Indices.Total}|{p.Indices.Suppliers}|{p.Indices.Hhi:R}|{p.Indices.Cr1:R}|{p.Indices.Cr3:R}|{p.Indices.TopSupplier}|{p.Indices.Entropy:R}";

    /// <summary>A body of a given length made of a head and a repeated chunk, produced on the fly.</summary>
    private sealed class EndlessStream(byte[] head, byte[] chunk, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = 0;
            while (n < count && _position < length)
            {
                ReadOnlySpan<byte> source = _position < head.Length
                    ? head.AsSpan((int)_position)
                    : chunk.AsSpan((int)((_position - head.Length) % chunk.Length));
                var take = (int)Math.Min(Math.Min(source.Length, count - n), length - _position);
                source[..take].CopyTo(buffer.AsSpan(offset + n));
                n += take;
                _position += take;
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
