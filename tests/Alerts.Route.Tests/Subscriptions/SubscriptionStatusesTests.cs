using System.Text.Json;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Events;

namespace Alerts.Route.Tests.Subscriptions;

public sealed class SubscriptionStatusesTests
{
    private static readonly SubscriptionPause Pause = new(TestEvents.T0, "paused after 3 consecutive permanent delivery failures; last: HTTP 404");

    public static TheoryData<SubscriptionStatus, bool, SubscriptionStatus> Cases => new()
    {
        // an active subscription without a pause sends
        { SubscriptionStatus.Active, false, SubscriptionStatus.Active },
        // the deliver step's pause shows as paused
        { SubscriptionStatus.Active, true, SubscriptionStatus.Paused },
        // a pause never hides that the recipient has not confirmed yet
        { SubscriptionStatus.PendingVerification, true, SubscriptionStatus.PendingVerification },
        // nor that the recipient unsubscribed
        { SubscriptionStatus.Unsubscribed, true, SubscriptionStatus.Unsubscribed },
        { SubscriptionStatus.Unsubscribed, false, SubscriptionStatus.Unsubscribed },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Of_StoredStatusAndPause_IsTheStatusShown(SubscriptionStatus stored, bool paused, SubscriptionStatus expected)
    {
        var subscription = Sub() with { Status = stored };

        Assert.Equal(expected, SubscriptionStatuses.Of(subscription, paused ? Pause : null));
        Assert.Equal(expected, SubscriptionView.From(subscription, paused ? Pause : null).Status);
    }

    [Fact]
    public void Json_RowWrittenBeforeStatuses_ReadsAsActive()
    {
        var json = JsonSerializer.Serialize(Sub());
        using var document = JsonDocument.Parse(json);
        var withoutStatus = document.RootElement.EnumerateObject()
            .Where(p => p.Name is not nameof(Subscription.Status) and not nameof(Subscription.VerificationSentAt))
            .ToDictionary(p => p.Name, p => p.Value.Clone());

        var read = JsonSerializer.Deserialize<Subscription>(JsonSerializer.Serialize(withoutStatus))!;

        Assert.Equal(SubscriptionStatus.Active, read.Status);
        Assert.Null(read.VerificationSentAt);
        Assert.Equal(Sub().Id, read.Id);
    }

    private static Subscription Sub() => new(
        "sub-1", "owner-1", Channels.Email, "desk@example.eu", SubscriptionFilter.Everything, GroupBy.Commodity,
        TimeSpan.FromHours(4), TestEvents.T0);
}
