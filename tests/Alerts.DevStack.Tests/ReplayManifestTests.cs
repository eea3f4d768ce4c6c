using Alerts.DevStack.Replay;

namespace Alerts.DevStack.Tests;

public sealed class ReplayManifestTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("replay-manifest-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    // not JSON at all
    [InlineData("[{", "line")]
    // the root must be an array
    [InlineData("{}", "$")]
    // method missing
    [InlineData("[{\"path\":\"/a\"}]", "$[0].method")]
    // path must be absolute
    [InlineData("[{\"method\":\"GET\",\"path\":\"a\"}]", "$[0].path")]
    // status out of range
    [InlineData("[{\"method\":\"GET\",\"path\":\"/a\",\"status\":99}]", "$[0].status")]
    // query values are strings
    [InlineData("[{\"method\":\"GET\",\"path\":\"/a\",\"query\":{\"product\":true}}]", "$[0].query.product")]
    // the body file must exist
    [InlineData("[{\"method\":\"GET\",\"path\":\"/a\"},{\"method\":\"GET\",\"path\":\"/b\",\"bodyFile\":\"missing.json\"}]", "$[1].bodyFile")]
    // the body file must stay inside the source folder
    [InlineData("[{\"method\":\"GET\",\"path\":\"/a\",\"bodyFile\":\"../outside.json\"}]", "$[0].bodyFile")]
    public void Load_BadManifest_ThrowsNamingFileAndJsonPath(string manifest, string expectedPath)
    {
        File.WriteAllText(Path.Combine(_directory, "recordings.json"), manifest);

        var error = Assert.Throws<ReplayManifestException>(() => ReplayManifest.Load(_directory));

        Assert.StartsWith(expectedPath, error.JsonPath, StringComparison.Ordinal);
        Assert.Contains("recordings.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingManifest_ThrowsNamingTheFile()
    {
        var error = Assert.Throws<ReplayManifestException>(() => ReplayManifest.Load(_directory));

        Assert.Equal(Path.Combine(_directory, "recordings.json"), error.File);
    }

    [Fact]
    public void Load_MinimalEntry_AppliesDefaults()
    {
        File.WriteAllText(Path.Combine(_directory, "recordings.json"), "[{\"method\":\"GET\",\"path\":\"/a\"}]");

        var recording = Assert.Single(ReplayManifest.Load(_directory));

        Assert.Equal(200, recording.Status);
        Assert.Equal("application/json", recording.ContentType);
        Assert.Null(recording.BodyFile);
        Assert.Empty(recording.Query);
    }
}
