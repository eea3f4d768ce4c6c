using Alerts.Compute.Store;

using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;

using Alerts.Evaluate.Lifecycle;

using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;

using Alerts.Route.NotificationLog;
using Alerts.Route.Subscriptions;

namespace Alerts.Platform.Tests.Storage;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("EU27_2020", "EU27_2020")] // plain codes are kept
    [InlineData("team/raw#1?x\\y", "team%2Fraw%231%3Fx%5Cy")] // forbidden key characters are encoded
    [InlineData("50%|a", "50%25%7Ca")] // the escape and join characters too
    [InlineData("tab\there", "tab%09here")] // control characters
    public void Escape_Value_EncodesForbiddenCharacters(string value, string expected)
    {
        Assert.Equal(expected, TableKeys.Escape(value));
    }

    [Fact]
    public void Join_LongKey_IsHashedBelowTheKeyLimit()
    {
        var key = TableKeys.Join(new string('a', 600), "b");

        Assert.StartsWith("h_", key, StringComparison.Ordinal);
        Assert.Equal(66, key.Length);
        Assert.Equal(key, TableKeys.Join(new string('a', 600), "b"));
        Assert.Equal("a|b%7Cc", TableKeys.Join("a", "b|c"));
    }
}
