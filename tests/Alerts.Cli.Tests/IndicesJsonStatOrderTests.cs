using System.Globalization;
using System.Text.Json.Nodes;
using Alerts.Cli.Commands;
using Alerts.TestKit.Samples;

namespace Alerts.Cli.Tests;

/// <summary>
/// <c>alerts indices</c> on Comext JSON-stat cubes whose categories come in another order: a JSON-stat "row order" is
/// the order of each dimension's categories (partners, periods, indicators...), with the value array laid out to match.
/// The same cube in any category order must give the same indices, byte for byte.
/// </summary>
public sealed class IndicesJsonStatOrderTests
{
    public static TheoryData<string, string> SamplesAndFormats()
    {
        var data = new TheoryData<string, string>();
        // annual cubes with the value as an object (sparse), a monthly one with the value as an array (dense)
        foreach (var sample in new[] { "comext/850511.json", "comext/284690.json", "comext/250490.json", "comext/850511-monthly.json" })
        {
            data.Add(sample, "csv");
            data.Add(sample, "json");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SamplesAndFormats))]
    public async Task RunAsync_CategoriesInAnotherOrder_GiveTheSameOutput(string sample, string format)
    {
        var path = SampleFiles.Get(sample);
        var expected = await RunAsync("--input", path, "--format", format, "--columns", "all");
        Assert.True(expected.Code == 0, expected.Err);
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var permuted = Path.Combine(Path.GetTempPath(), $"indices-{Guid.NewGuid():N}.json");
            await File.WriteAllTextAsync(permuted, Permuted(await File.ReadAllTextAsync(path), seed));
            try
            {
                var (code, output, error) = await RunAsync("--input", permuted, "--format", format, "--columns", "all");

                Assert.True(code == 0, error);
                Assert.Equal(expected.Out, output);
            }
            finally
            {
                File.Delete(permuted);
            }
        }
    }

    [Fact]
    public void Permuted_MovesEveryValueWithItsCategories()
    {
        // The helper itself: a 2 x 3 cube, values named after their coordinates, read back through the new indexes.
        const string cube = """
            {"id":["a","b"],"size":[2,3],
             "dimension":{"a":{"category":{"index":{"a0":0,"a1":1}}},"b":{"category":{"index":{"b0":0,"b1":1,"b2":2}}}},
             "value":[0,1,2,10,11,12]}
            """;
        var root = JsonNode.Parse(Permuted(cube, 5))!;
        var a = root["dimension"]!["a"]!["category"]!["index"]!.AsObject();
        var b = root["dimension"]!["b"]!["category"]!["index"]!.AsObject();
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                var flat = (a[$"a{i}"]!.GetValue<int>() * 3) + b[$"b{j}"]!.GetValue<int>();
                Assert.Equal((i * 10) + j, root["value"]![flat]!.GetValue<int>());
            }
        }
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = await IndicesCommand.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The cube with every dimension's categories in a random (seeded) order, values and statuses moved along.</summary>
    private static string Permuted(string jsonStat, int seed)
    {
        var root = JsonNode.Parse(jsonStat)!.AsObject();
        var ids = root["id"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
        var sizes = root["size"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray();
        var random = new Random(seed);
        var moves = new int[ids.Length][]; // per dimension: old position -> new position
        for (var d = 0; d < ids.Length; d++)
        {
            moves[d] = [.. Enumerable.Range(0, sizes[d])];
            random.Shuffle(moves[d]);
            var category = root["dimension"]![ids[d]]!["category"]!.AsObject();
            var move = moves[d];
            category["index"] = category["index"] switch
            {
                JsonObject index => new JsonObject(index
                    .Select(kv => KeyValuePair.Create(kv.Key, move[kv.Value!.GetValue<int>()]))
                    .OrderBy(kv => kv.Value)
                    .Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                JsonArray list => new JsonArray([.. Enumerable.Range(0, list.Count)
                    .OrderBy(i => move[i])
                    .Select(i => (JsonNode?)list[i]!.DeepClone())]),
                _ => throw new InvalidOperationException($"dimension {ids[d]} has no category index"),
            };
        }

        int Moved(int flat)
        {
            var moved = 0;
            var stride = 1;
            for (var d = ids.Length - 1; d >= 0; d--)
            {
                moved += moves[d][flat % sizes[d]] * stride;
                flat /= sizes[d];
                stride *= sizes[d];
            }

            return moved;
        }

        foreach (var name in new[] { "value", "status" }.Where(root.ContainsKey))
        {
            root[name] = root[name] switch
            {
                JsonArray array => new JsonArray([.. Enumerable.Range(0, array.Count)
                    .OrderBy(Moved)
                    .Select(i => array[i]?.DeepClone())]),
                JsonObject sparse => new JsonObject(sparse
                    .Select(kv => (Flat: Moved(int.Parse(kv.Key, CultureInfo.InvariantCulture)), kv.Value))
                    .OrderBy(e => e.Flat)
                    .Select(e => KeyValuePair.Create(e.Flat.ToString(CultureInfo.InvariantCulture), e.Value?.DeepClone()))),
                var other => other?.DeepClone(),
            };
        }

        return root.ToJsonString();
    }
}
