using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.Teams;
using Alerts.Deliver.Tests.Email;
using Alerts.Deliver.Tests.Teams;
using Alerts.Platform.Secrets;

namespace Alerts.Deliver.Tests.Endpoints;

public sealed class EndpointHealthTests
{
    private static readonly DateTimeOffset At = new(2025, 11, 20, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Earlier = At.AddHours(-1);

    public static TheoryData<EndpointHealth, DeliveryOutcome, int, int, bool> Steps => new()
    {
        // (before, outcome, pauseAfter, failures after, paused after)
        // first permanent failure below the threshold counts
        { EndpointHealth.Healthy, DeliveryOutcome.Permanent("404 Not Found"), 3, 1, false },
        // the Nth consecutive permanent failure pauses
        { new EndpointHealth(2), DeliveryOutcome.Permanent("410 Gone"), 3, 3, true },
        // threshold 1 pauses on the first permanent failure
        { EndpointHealth.Healthy, DeliveryOutcome.Permanent("550 mailbox unavailable"), 1, 1, true },
        // a success resets the count
        { new EndpointHealth(2), DeliveryOutcome.Delivered(), 3, 0, false },
        // a server error neither counts nor resets
        { new EndpointHealth(2), DeliveryOutcome.Retry("500 Internal Server Error"), 3, 2, false },
        // throttling neither counts nor resets
        { new EndpointHealth(1), DeliveryOutcome.Retry("429 Too Many Requests", TimeSpan.FromSeconds(10)), 2, 1, false },
        // a paused state stays paused on a further failure, count unchanged
        { new EndpointHealth(3, Earlier, "paused"), DeliveryOutcome.Permanent("404 Not Found"), 3, 3, true },
        // a paused state is not lifted by a success that raced the pause
        { new EndpointHealth(3, Earlier, "paused"), DeliveryOutcome.Delivered(), 3, 3, true },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void After_Outcome_CountsAndPauses(EndpointHealth before, DeliveryOutcome outcome, int pauseAfter, int failures, bool paused)
    {
        var after = before.After(outcome, pauseAfter, At);

        Assert.Equal(failures, after.ConsecutivePermanentFailures);
        Assert.Equal(paused, after.IsPaused);
        Assert.Equal(paused, after.PauseReason is not null);
    }

    [Fact]
    public void After_ThresholdReached_PausedAtAttemptTimeWithLastStatus()
    {
        var after = new EndpointHealth(1).After(DeliveryOutcome.Permanent("404 Not Found: no such webhook"), 2, At);

        Assert.Equal(At, after.PausedAt);
        Assert.Contains("2 consecutive permanent", after.PauseReason, StringComparison.Ordinal);
        Assert.Contains("404 Not Found", after.PauseReason, StringComparison.Ordinal);
    }

    [Fact]
    public void After_AlreadyPaused_KeepsFirstPauseTimeAndReason()
    {
        var paused = new EndpointHealth(2, Earlier, "first reason");

        var after = paused.After(DeliveryOutcome.Permanent("410 Gone"), 2, At);

        Assert.Same(paused, after);
    }

    [Theory]
    [InlineData("404 Not Found: see https://prod-1.logic.azure.com/workflows/abc/invoke?sig=S3CR3T", "S3CR3T")] // URL with signature in the detail
    [InlineData("550 5.1.1 <jane.doe@corp.example.com>: mailbox unavailable", "jane.doe")] // address in an SMTP reply
    [InlineData("401 Unauthorized: token=abc123secret", "abc123secret")] // secret key=value
    public void After_DetailWithSecret_ReasonHasNoUrlOrSecret(string detail, string secret)
    {
        var after = EndpointHealth.Healthy.After(DeliveryOutcome.Permanent(detail), 1, At);

        Assert.DoesNotContain(secret, after.PauseReason, StringComparison.Ordinal);
        Assert.DoesNotContain("://", after.PauseReason, StringComparison.Ordinal);
    }

    [Fact]
    public void After_VeryLongDetail_ReasonIsCut()
    {
        var after = EndpointHealth.Healthy.After(DeliveryOutcome.Permanent(new string('x', 5000)), 1, At);

        Assert.Equal(EndpointHealth.MaxReasonLength, after.PauseReason!.Length);
    }

    [Fact]
    public void After_PauseAfterBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EndpointHealth.Healthy.After(DeliveryOutcome.Delivered(), 0, At));
    }
}
