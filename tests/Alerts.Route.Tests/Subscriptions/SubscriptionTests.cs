using System.Text.Json;
using System.Text.Json.Serialization;
using Alerts.Evaluate.Lifecycle;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.Route.Tests.Routing;
using Alerts.Route.Tests.Silences;
using Alerts.TestKit.Events;

namespace Alerts.Route.Tests.Subscriptions;

/// <summary>Routing records are stored as JSON by other components: they must survive a round trip unchanged.</summary>
public sealed class SubscriptionTests
{
    public static TheoryData<bool> EnumStyles => new()
    {
        // enums as numbers (System.Text.Json's default)
        false,
        // enums as strings
        true,
    };

    [Theory]
    [MemberData(nameof(EnumStyles))]
    public void Json_Subscription_RoundTrips(bool stringEnums)
    {
        var subscription = new Subscription(
            "sub-1", "alice@example.com", Channels.Teams, "https://x.logic.azure.com/w?sig=1",
            new SubscriptionFilter(["85051110"], ["EU27_2020"], ["crma-65"], Severity.Warning, [AlertState.Firing]),
            GroupBy.Rule, TimeSpan.FromHours(4), TestEvents.T0, "Magnet desk");

        AssertRoundTrips(subscription, stringEnums);
    }

    [Theory]
    [MemberData(nameof(EnumStyles))]
    public void Json_LogEntrySilenceNotification_RoundTrip(bool stringEnums)
    {
        AssertRoundTrips(
            new NotificationLogEntry("sub-1", "commodity:85051110", TestEvents.T0, "n-1", [new NotifiedAlert("fp", "fp:firing:2024", AlertState.Firing, TestEvents.T0)]),
            stringEnums);
        AssertRoundTrips(new Silence("s-1", [new SilenceMatcher("product", "8505"), new SilenceMatcher("rule", "crma-.*", IsRegex: true, IsEqual: false)], TestEvents.T0, TestEvents.T0.AddDays(7), SilenceScope.Owner, "aad|bob", "sub-1", "bob", "maintenance", TestEvents.T0), stringEnums);
        AssertRoundTrips(
            new Notification("n-1", "sub-1", Channels.Email, "ops@example.com", "all", NotificationReasons.First, [TestEvents.Event(previousValue: 0.8)], "Magnet desk"),
            stringEnums);
    }

    private static void AssertRoundTrips<T>(T value, bool stringEnums)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        if (stringEnums)
        {
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        }

        var json = JsonSerializer.Serialize(value, options);
        var back = JsonSerializer.Deserialize<T>(json, options);

        Assert.NotNull(back);
        Assert.Equal(json, JsonSerializer.Serialize(back, options));
    }
}
