using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.JsonStat;
using Alerts.TestKit.Http;
using Alerts.TestKit.Samples;

namespace Alerts.Pull.Tests.Statistics.JsonStat;

public sealed partial class JsonStatReaderTests
{
    private static TradeObservation Obs(string partner, string product, Period period, decimal? kg, decimal? eur, string reporter = "EU27_2020", TradeFlow flow = TradeFlow.Import) =>
        new(reporter, partner, product, flow, period, kg, eur, "EUR");

    [Fact]
    public void Read_SparseSample_GivesExactObservationsIncludingAggregates()
    {
        using var stream = SampleFiles.Open("comext/284690.json");

        var data = JsonStatReader.Read(stream, "284690.json");

        Assert.Equal(TradeDataSource.Comext, data.Source);
        Assert.Equal(TradeDataFormat.ComextJsonStat, data.Format);
        Assert.Equal("2025-10-15T11:00:00+0200", data.Vintage.Text);
        Assert.Equal(new DateTimeOffset(2025, 10, 15, 9, 0, 0, TimeSpan.Zero), data.Vintage.Timestamp);
        Assert.Equal(69, data.Observations.Count);
        // 2024 China: 59727 x 100 kg = 5 972 700 kg (46.3% of 12 900 t), EUR from the sample's price.
        Assert.Contains(Obs("CN", "284690", Period.Annual(2024), 5_972_700m, 37_030_740m), data.Observations);
        Assert.Contains(Obs("RU", "284690", Period.Annual(2024), 3_663_600m, 16_119_840m), data.Observations);
        Assert.Contains(data.Observations, o => o.Partner == "WORLD" && o.Period == Period.Annual(2024));
        Assert.Contains(data.Observations, o => o.Partner == "EXT_EU27_2020" && o.QuantityKg == 12_900_000m && o.Period == Period.Annual(2024));
        Assert.Contains(data.Observations, o => o.Partner == "EE");
        Assert.Equal(["CN", "DE", "EE", "EXT_EU27_2020", "FR", "GB", "INT_EU27_2020", "JP", "MY", "RU", "US", "VN", "WORLD"], data.Observations.Select(o => o.Partner).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_QuantityConfidential_KeepsValueAndQuantityIsNullNotZero()
    {
        using var stream = SampleFiles.Open("comext/280530.json");

        var data = JsonStatReader.Read(stream, "280530.json");

        var japan2020 = Assert.Single(data.Observations, o => o.Partner == "JP" && o.Period == Period.Annual(2020));
        Assert.Null(japan2020.QuantityKg);
        Assert.NotNull(japan2020.Value);
    }

    [Fact]
    public void Read_DenseMonthlySample_SkipsNullCellsAndReadsMonths()
    {
        using var stream = SampleFiles.Open("comext/850511-monthly.json");

        var data = JsonStatReader.Read(stream, "850511-monthly.json");

        Assert.Equal(Enumerable.Range(1, 6).Select(m => Period.Monthly(2024, m)), data.Observations.Select(o => o.Period).Distinct().Order());
        Assert.DoesNotContain(data.Observations, o => o.Partner == "PH" && o.Period == Period.Monthly(2024, 3));
        Assert.Contains(data.Observations, o => o.Partner == "PH" && o.Period == Period.Monthly(2024, 4));
        var qz = Assert.Single(data.Observations, o => o.Partner == "QZ" && o.Period == Period.Monthly(2024, 1));
        Assert.Null(qz.QuantityKg);
    }

    [Fact]
    public void Read_SeveralIndicatorsAndPeriodFormats_MergesIntoOneObservationPerCell()
    {
        // dims: partner(2) x indicators(3) x time(2); YYYYMmm months, index given as an array for time.
        var json = """
        {"version":"2.0","class":"dataset","updated":"2026-01-15T23:00:00+0100",
         "value":{"0":10.5,"1":20,"2":1000,"3":2000,"4":7,"5":8,"6":1,"8":300,"9":400},
         "id":["freq","reporter","partner","product","flow","indicators","time"],"size":[1,1,2,1,1,3,2],
         "dimension":{
          "freq":{"category":{"index":{"M":0}}},"reporter":{"category":{"index":{"EU27_2020":0}}},
          "partner":{"category":{"index":{"CN":0,"US":1}}},"product":{"category":{"index":{"85051110":0}}},
          "flow":{"category":{"index":{"1":0}}},
          "indicators":{"category":{"index":{"QUANTITY_IN_100KG":0,"VALUE_IN_EUROS":1,"SUPPLEMENTARY_QUANTITY":2}}},
          "time":{"category":{"index":["2025M11","2025M12"]}}}}
        """;

        var data = JsonStatReader.Read(TestStreams.Utf8(json), "inline");

        Assert.Equal(
            [
                Obs("CN", "85051110", Period.Monthly(2025, 11), 1050m, 1000m),
                Obs("CN", "85051110", Period.Monthly(2025, 12), 2000m, 2000m),
                Obs("US", "85051110", Period.Monthly(2025, 11), 100m, 300m),
                Obs("US", "85051110", Period.Monthly(2025, 12), null, 400m),
            ],
            data.Observations);
    }

    [Fact]
    public void Read_IsoMonths_ReadsYyyyMm()
    {
        var json = "{'id':['reporter','partner','product','flow','indicators','time'],'size':[1,1,1,1,1,1],'value':[5]," +
                   "'dimension':{'reporter':{'category':{'index':{'DE':0}}},'partner':{'category':{'index':{'CN':0}}},'product':{'category':{'index':{'280530':0}}}," +
                   "'flow':{'category':{'index':{'2':0}}},'indicators':{'category':{'index':{'VALUE_IN_EUROS':0}}},'time':{'category':{'index':{'2024-07':0}}}}}";

        var data = JsonStatReader.Read(TestStreams.Json(json), "inline");

        Assert.Equal([Obs("CN", "280530", Period.Monthly(2024, 7), null, 5m, reporter: "DE", flow: TradeFlow.Export)], data.Observations);
        Assert.False(data.Vintage.IsKnown);
    }

    [Fact]
    public void Read_Utf8Bom_IsSkipped()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(File.ReadAllBytes(SampleFiles.Get("comext/250410.json"))).ToArray();

        var data = JsonStatReader.Read(new MemoryStream(bytes), "bom.json");

        Assert.NotEmpty(data.Observations);
    }

    [Fact]
    public void Read_ErrorObject_FailsWithTheSourceMessage()
    {
        var json = "{'error':{'status':413,'id':'EXTRACTION_TOO_BIG','label':'Extraction too big, please change the filters'}}";

        var e = Assert.Throws<TradeDataFormatException>(() => JsonStatReader.Read(TestStreams.Json(json), "q"));

        Assert.Equal("$.error", e.Location);
        Assert.Contains("EXTRACTION_TOO_BIG", e.Problem, StringComparison.Ordinal);
    }

    public static TheoryData<string> Samples() => new() { "comext/284690.json", "comext/280530.json", "comext/850511-monthly.json", "comext/850511.json", "comext/250410.json", "comext/250490.json", "comext/811292.json" };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Read_DimensionBeforeValue_GivesTheSameObservationsInOnePass(string sample)
    {
        // The same real-format sample with value moved last (a valid JSON-stat order).
        var original = File.ReadAllText(SampleFiles.Get(sample));
        var node = JsonNode.Parse(original)!.AsObject();
        var value = node["value"]!;
        node.Remove("value");
        node["value"] = value;
        var valueFirst = JsonStatReader.Create(sample);
        var valueLast = JsonStatReader.Create(sample);

        var expected = valueFirst.Observations(TestStreams.Utf8(original)).ToList();
        var actual = valueLast.Observations(TestStreams.Utf8(node.ToJsonString())).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
        Assert.True(valueFirst.UsedSecondPass);
        Assert.False(valueLast.UsedSecondPass);
        Assert.Equal(valueFirst.Vintage, valueLast.Vintage);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Observations_AnySample_YieldExactlyWhatReadGives(string sample)
    {
        var bytes = File.ReadAllBytes(SampleFiles.Get(sample));
        var read = JsonStatReader.Read(new MemoryStream(bytes), sample);
        var seekable = JsonStatReader.Create(sample);
        var spooled = JsonStatReader.Create(sample);

        var fromFile = seekable.Observations(new MemoryStream(bytes)).ToList();
        using var gzip = Gzipped(bytes);
        var fromGzip = spooled.Observations(gzip).ToList();

        Assert.Equal(read.Observations, fromFile.Order(ObservationOrder.Instance));
        Assert.Equal(fromFile, fromGzip);
        Assert.Equal(read.Vintage, seekable.Vintage);
        Assert.Equal(read.Vintage, spooled.Vintage);
    }

    [Fact]
    public async Task Read_HttpBody_IsSpooledToATemporaryFileThatIsDeletedAfterwards()
    {
        var dir = Directory.CreateTempSubdirectory("alerts-spool-test").FullName;
        try
        {
            var body = File.ReadAllText(SampleFiles.Get("comext/284690.json"));
            await using var server = await ScriptedHttpServer.StartAsync(_ => ScriptedResponse.Ok(body));
            using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            using var response = await http.GetAsync(new Uri("/data", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            await using var stream = await response.Content.ReadAsStreamAsync();
            Assert.False(stream.CanSeek);
            var reader = JsonStatReader.Create("http", new TradeDataReaderOptions { SpoolMemoryBytes = 0, SpoolDirectory = dir });
            var filesWhileReading = -1;
            var observations = new List<TradeObservation>();

            foreach (var o in reader.Observations(stream))
            {
                filesWhileReading = observations.Count == 0 ? Directory.GetFiles(dir).Length : filesWhileReading;
                observations.Add(o);
            }

            Assert.True(reader.UsedSecondPass);
            Assert.Equal(1, filesWhileReading);
            Assert.Empty(Directory.GetFiles(dir));
            Assert.Equal(JsonStatReader.Read(TestStreams.Utf8(body), "file").Observations, observations.Order(ObservationOrder.Instance));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Read_SpooledPayloadThatFails_LeavesNoTemporaryFile()
    {
        var dir = Directory.CreateTempSubdirectory("alerts-spool-test").FullName;
        try
        {
            // The bad cell is found in the second pass, after the spool file was written.
            var json = Cube(["CN", "US"], ["2024"], "{'0':1,'3':'x'}");
            using var gzip = Gzipped(Encoding.UTF8.GetBytes(json));

            var e = Assert.Throws<TradeDataFormatException>(() => JsonStatReader.Read(gzip, "q", new TradeDataReaderOptions { SpoolMemoryBytes = 0, SpoolDirectory = dir }));

            Assert.Equal("$.value['3']", e.Location);
            Assert.Empty(Directory.GetFiles(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Read_SeekableStreamNotAtItsStart_ReadsFromItsPosition()
    {
        var json = Encoding.UTF8.GetBytes(Cube(["CN"], ["2024"], "{'0':2,'1':30}"));
        var stream = new MemoryStream([.. "garbage before the payload"u8, .. json]) { Position = 26 };

        var data = JsonStatReader.Read(stream, "q");

        Assert.Equal([Obs("CN", "280530", Period.Annual(2024), 200m, 30m)], data.Observations);
    }

    public static TheoryData<string, string, string> KeyOrders() => new()
    {
        // ascending keys, as Eurostat writes them (cells 0-3: CN kg 2023/2024, CN EUR 2023/2024; 4-7 US)
        { "{'0':1,'1':2,'2':10,'3':20,'4':3,'6':30,'7':40}", "", "CN/2023/100/10 CN/2024/200/20 US/2023/300/30 US/2024//40" },
        // keys shuffled inside each block (one partner): still merged
        { "{'3':20,'0':1,'2':10,'1':2,'7':40,'6':30,'4':3}", "", "CN/2023/100/10 CN/2024/200/20 US/2023/300/30 US/2024//40" },
        // a key of a block already passed: a clear error naming the key
        { "{'4':3,'6':30,'0':1}", "$.value['0']", "key 0 comes after key 6: sparse keys must be in ascending order" },
        // the same key twice inside a block
        { "{'2':10,'0':1,'2':11}", "$.value['2']", "the same cell is given twice" },
    };

    [Theory]
    [MemberData(nameof(KeyOrders))]
    public void Read_SparseKeyOrder_MergesWithinABlockAndRejectsGoingBack(string value, string errorAt, string expected)
    {
        var json = Cube(["CN", "US"], ["2023", "2024"], value);

        if (errorAt.Length > 0)
        {
            var e = Assert.Throws<TradeDataFormatException>(() => JsonStatReader.Read(TestStreams.Json(json), "q"));
            Assert.Equal(errorAt, e.Location);
            Assert.StartsWith(expected, e.Problem, StringComparison.Ordinal);
            return;
        }

        var data = JsonStatReader.Read(TestStreams.Json(json), "q");

        Assert.All(data.Observations, o => Assert.Equal("280530", o.Product));
        Assert.Equal(expected, string.Join(" ", data.Observations.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Partner}/{o.Period}/{o.QuantityKg}/{o.Value}"))));
    }

    [Theory]
    // value first: the dense length is known from the first pass
    [InlineData(false)]
    // dimensions first: one pass
    [InlineData(true)]
    public void Read_DenseWithNulls_SkipsMissingCellsAndKeepsHalfMissingOnes(bool dimensionsFirst)
    {
        // CN: 2023 both, 2024 value only; US: 2023 nothing at all, 2024 quantity only.
        var json = Cube(["CN", "US"], ["2023", "2024"], "[1,null,10,20,null,4,null,null]", dimensionsFirst);

        var data = JsonStatReader.Read(TestStreams.Json(json), "q");

        Assert.Equal(
            [
                Obs("CN", "280530", Period.Annual(2023), 100m, 10m),
                Obs("CN", "280530", Period.Annual(2024), null, 20m),
                Obs("US", "280530", Period.Annual(2024), 400m, null),
            ],
            data.Observations);
    }

    [Theory]
    // value first, array one entry too long / too short
    [InlineData(false, "[1,2,3,4,5]", "dense array has 5 entries but the dimension sizes give 4 cells")]
    [InlineData(false, "[1,2,3]", "dense array has 3 entries but the dimension sizes give 4 cells")]
    // dimensions first: the length is only known while streaming, the message is the same
    [InlineData(true, "[1,2,3,4,5,6]", "dense array has 6 entries but the dimension sizes give 4 cells")]
    [InlineData(true, "[1,2,3]", "dense array has 3 entries but the dimension sizes give 4 cells")]
    public void Read_DenseOfTheWrongLength_FailsWithBothLengths(bool dimensionsFirst, string value, string problem)
    {
        var json = Cube(["CN"], ["2023", "2024"], value, dimensionsFirst);

        var e = Assert.Throws<TradeDataFormatException>(() => JsonStatReader.Read(TestStreams.Json(json), "q"));

        Assert.Equal("$.value", e.Location);
        Assert.Equal(problem, e.Problem);
    }

    [Theory]
    // Eurostat's order: the two indicators of a cell are 3000 cells apart (one per month)
    [InlineData(false)]
    // indicators listed before partner: the two indicators are partners x months cells apart
    [InlineData(true)]
    public void Read_IndicatorsFarApart_AreStillMergedIntoOneObservation(bool indicatorsEarly)
    {
        var times = Enumerable.Range(0, 3000).Select(m => string.Create(CultureInfo.InvariantCulture, $"{1900 + (m / 12)}-{(m % 12) + 1:D2}")).ToArray();
        var partners = new[] { "CN", "US", "JP" };
        var ids = indicatorsEarly ? IndicatorsEarly : EurostatOrder;
        var index = CellIndex(ids, partners.Length, times.Length);
        // every partner and month: quantity = month, value = 1000 + month; US months 0-9 value only
        var cells = new SortedDictionary<long, int>();
        foreach (var indicator in new[] { 0, 1 })
        {
            for (var p = 0; p < partners.Length; p++)
            {
                for (var t = 0; t < times.Length; t++)
                {
                    if (indicator == 1 || p != 1 || t >= 10)
                    {
                        cells[index(p, indicator, t)] = indicator == 0 ? t : 1000 + t;
                    }
                }
            }
        }

        var json = Cube(partners, times, "{" + string.Join(",", cells.Select(c => string.Create(CultureInfo.InvariantCulture, $"'{c.Key}':{c.Value}"))) + "}", ids: ids);

        var data = JsonStatReader.Read(TestStreams.Json(json), "q");

        Assert.Equal(partners.Length * times.Length, data.Observations.Count);
        Assert.Equal(Obs("CN", "280530", Period.Monthly(1900, 1), 0m, 1000m), data.Observations[0]);
        Assert.Contains(Obs("JP", "280530", Period.Monthly(2149, 12), 299_900m, 3999m), data.Observations);
        Assert.Contains(Obs("US", "280530", Period.Monthly(1900, 3), null, 1002m), data.Observations);
        Assert.Contains(Obs("US", "280530", Period.Monthly(1900, 11), 1000m, 1010m), data.Observations);
    }

    [Theory]
    // a second value after the first
    [InlineData("value")]
    // a second dimension block would change what the streamed cells meant
    [InlineData("dimension")]
    // a second id
    [InlineData("id")]
    public void Read_TopLevelMemberTwice_FailsNamingIt(string member)
    {
        var node = JsonNode.Parse(Cube(["CN"], ["2024"], "{'0':1}", dimensionsFirst: true))!.AsObject();
        var text = node.ToJsonString();
        var twice = text[..^1] + ",\"" + member + "\":" + node[member]!.ToJsonString() + "}";

        var e = Assert.Throws<TradeDataFormatException>(() => JsonStatReader.Read(TestStreams.Utf8(twice), "q"));

        Assert.Equal("$." + member, e.Location);
        Assert.Equal("appears twice", e.Problem);
    }

    [Fact]
    public void Read_QuantityBeyondDecimalRangeInKg_FailsInsteadOfOverflowing()
    {
        var json = Cube(["CN"], ["2024"], "{'0':1e27}");

        var e = Assert.Throws<TradeDataFormatException>(() => JsonStatReader.Read(TestStreams.Json(json), "q"));

        Assert.Equal("$.value['0']", e.Location);
        Assert.Contains("outside the plausible range", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    // a file: re-positioned for the second pass
    [InlineData(false)]
    // a gzip body (not seekable): spooled to a temporary file
    [InlineData(true)]
    public void Observations_LargePayload_KeepTheHeapBounded(bool nonSeekable)
    {
        // 600 000 cells; the former reader kept about 160 bytes per cell (about 90 MB) before the first observation.
        var dir = Directory.CreateTempSubdirectory("alerts-jsonstat-big").FullName;
        try
        {
            var path = Path.Combine(dir, "big.json");
            var partners = Enumerable.Range(0, 1000).Select(i => string.Create(CultureInfo.InvariantCulture, $"P{i}")).ToArray();
            var times = Enumerable.Range(0, 300).Select(y => (1900 + y).ToString(CultureInfo.InvariantCulture)).ToArray();
            File.WriteAllText(path, Cube(partners, times, DenseValues(partners.Length * 2 * times.Length)));
            using var file = File.OpenRead(path);
            using Stream input = nonSeekable ? Gzipped(File.ReadAllBytes(path)) : file;
            var reader = JsonStatReader.Create("big", new TradeDataReaderOptions { SpoolDirectory = dir });
            GC.Collect();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            long during = 0;
            long count = 0;

            foreach (var o in reader.Observations(input))
            {
                if (++count == 150_000)
                {
                    during = GC.GetTotalMemory(forceFullCollection: true);
                }
            }

            Assert.Equal(300_000, count);
            Assert.Equal(600_000, reader.Cells);
            Assert.True(during - before < 16 * 1024 * 1024, $"heap grew by {(during - before) / 1048576.0:F1} MB while streaming");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static readonly string[] EurostatOrder = ["freq", "reporter", "partner", "product", "flow", "indicators", "time"];
    private static readonly string[] IndicatorsEarly = ["freq", "reporter", "indicators", "partner", "product", "flow", "time"];

    /// <summary>
    /// A DS-045409 dataset (one reporter, product 280530, imports, quantity and value), value first as
    /// Eurostat writes it unless <paramref name="dimensionsFirst"/>; single quotes in <paramref name="value"/> are fine.
    /// </summary>
    private static string Cube(string[] partners, string[] times, string value, bool dimensionsFirst = false, string[]? ids = null)
    {
        ids ??= EurostatOrder;
        var categories = new Dictionary<string, string[]>
        {
            ["freq"] = [times[0].Length == 4 ? "A" : "M"],
            ["reporter"] = ["EU27_2020"],
            ["partner"] = partners,
            ["product"] = ["280530"],
            ["flow"] = ["1"],
            ["indicators"] = [ComextIndicators.QuantityIn100Kg, ComextIndicators.ValueInEuros],
            ["time"] = times,
        };
        var parts = new List<string>
        {
            "'updated':'2025-10-15T11:00:00+0200'",
            "'id':[" + string.Join(",", ids.Select(i => $"'{i}'")) + "]",
            "'size':[" + string.Join(",", ids.Select(i => categories[i].Length.ToString(CultureInfo.InvariantCulture))) + "]",
            "'dimension':{" + string.Join(",", ids.Select(i => $"'{i}':{{'category':{{'index':[{string.Join(",", categories[i].Select(c => $"'{c}'"))}]}}}}")) + "}",
        };
        parts.Insert(dimensionsFirst ? parts.Count : 1, "'value':" + value);
        return ("{'version':'2.0','class':'dataset'," + string.Join(",", parts) + "}").Replace('\'', '"');
    }

    /// <summary>The cell index of (partner, indicator, time) for a one-reporter, one-product, one-flow cube.</summary>
    private static Func<int, int, int, long> CellIndex(string[] ids, int partners, int times)
    {
        var sizes = new Dictionary<string, int> { ["partner"] = partners, ["indicators"] = 2, ["time"] = times };
        return (p, i, t) =>
        {
            var coordinates = new Dictionary<string, int> { ["partner"] = p, ["indicators"] = i, ["time"] = t };
            long index = 0;
            foreach (var id in ids)
            {
                index = (index * sizes.GetValueOrDefault(id, 1)) + coordinates.GetValueOrDefault(id, 0);
            }

            return index;
        };
    }

    private static string DenseValues(int cells)
    {
        var sb = new StringBuilder(cells * 8).Append('[');
        for (var i = 0; i < cells; i++)
        {
            sb.Append(i == 0 ? string.Empty : ",").Append((i % 1000).ToString(CultureInfo.InvariantCulture));
        }

        return sb.Append(']').ToString();
    }

    /// <summary>A real non-seekable stream: the payload decompressed on the fly, as an HTTP body often is.</summary>
    private static GZipStream Gzipped(byte[] bytes)
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        compressed.Position = 0;
        return new GZipStream(compressed, CompressionMode.Decompress);
    }
}
