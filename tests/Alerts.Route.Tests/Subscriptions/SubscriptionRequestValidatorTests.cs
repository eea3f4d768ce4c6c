using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.Teams;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Secrets;
using Alerts.Route.Grouping;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.Route.Tests.Routing;
using Alerts.Route.Tests.Silences;
using Alerts.TestKit.Events;

namespace Alerts.Route.Tests.Subscriptions;

public sealed class SubscriptionRequestValidatorTests
{
    private const string Webhook = "https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=SECRETSIG";

    private static readonly SubscriptionRequestValidator Validator = new([new EmailTarget(), new TeamsTarget(WebhookUrlPolicy.Default)]);

    private static readonly SubscriptionRequest Valid = new() { Channel = "email", Target = "ops@example.com" };

    [Theory]
    // channel missing
    [InlineData("channel", null, "ops@example.com", "channel is required")]
    // channel unknown
    [InlineData("channel", "sms", "ops@example.com", "'sms' is not supported")]
    // target missing for email
    [InlineData("target", "email", null, "the email address to send to")]
    // target missing for teams
    [InlineData("target", "teams", "", "Teams Workflows webhook URL")]
    // invalid email address
    [InlineData("target", "email", "not-an-address", "not a valid email address")]
    // webhook on plain http
    [InlineData("target", "teams", "http://prod-1.westeurope.logic.azure.com/workflows/x", "must use https")]
    // webhook host not allowed
    [InlineData("target", "teams", "https://hooks.example.com/x?sig=1", "'hooks.example.com' is not allowed")]
    // webhook to a private address
    [InlineData("target", "teams", "https://10.0.0.5/x", "private")]
    public void Validate_BadChannelOrTarget_NamesTheField(string field, string? channel, string? target, string expected)
    {
        var errors = Validator.Validate(Valid with { Channel = channel, Target = target });

        var message = Assert.Single(Assert.Single(errors, e => e.Key == field).Value);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Theory]
    // unknown severity
    [InlineData("minSeverity", "urgent")]
    // unknown grouping
    [InlineData("groupBy", "country")]
    // not a duration
    [InlineData("repeatInterval", "soon")]
    // too short
    [InlineData("repeatInterval", "10s")]
    // too long
    [InlineData("repeatInterval", "400d")]
    // name too long
    [InlineData("name", "x")]
    public void Validate_BadScalarField_NamesTheField(string field, string value)
    {
        var request = field switch
        {
            "minSeverity" => Valid with { MinSeverity = value },
            "groupBy" => Valid with { GroupBy = value },
            "repeatInterval" => Valid with { RepeatInterval = value },
            _ => Valid with { Name = new string('x', SubscriptionRequestValidator.MaxNameLength + 1) },
        };

        var errors = Validator.Validate(request);

        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void Validate_ManyProblems_ReportsEveryFieldAtOnce()
    {
        var request = new SubscriptionRequest
        {
            Channel = "teams",
            Target = "http://192.168.1.10/hook",
            Commodities = ["85051110", "", "<script>"],
            Reporters = ["EU27_2020", "E"],
            RuleIds = [.. Enumerable.Range(0, SubscriptionRequestValidator.MaxRuleIds + 1).Select(i => "r" + i)],
            MinSeverity = "huge",
            States = ["firing", "open"],
            GroupBy = "planet",
            RepeatInterval = "-1h",
            Name = "line\nbreak",
        };

        var errors = Validator.Validate(request);

        Assert.Equal(
            ["commodities[1]", "commodities[2]", "groupBy", "minSeverity", "name", "repeatInterval", "reporters[1]", "ruleIds", "states[1]", "target"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("at most 50", errors["ruleIds"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Errors_NeverContainTheTarget()
    {
        var errors = Validator.Validate(new SubscriptionRequest { Channel = "teams", Target = Webhook.Replace("logic.azure.com", "logic.azure.com.evil.example", StringComparison.Ordinal) });

        var all = string.Join(" ", errors.SelectMany(e => e.Value));
        Assert.NotEmpty(all);
        Assert.DoesNotContain("SECRETSIG", all, StringComparison.Ordinal);
        Assert.DoesNotContain("/workflows/", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NullBody_ReportsRoot()
    {
        Assert.Equal(["$"], Validator.Validate(null).Keys);
    }

    [Fact]
    public void Create_ValidTeamsRequest_NormalizesFields()
    {
        var request = new SubscriptionRequest
        {
            Name = "  Magnet desk ",
            Channel = " Teams ",
            Target = Webhook,
            Commodities = [" 85051110 ", "85051110"],
            Reporters = ["eu27_2020"],
            MinSeverity = "Warning",
            States = ["resolved", "firing", "firing"],
            GroupBy = "rule",
            RepeatInterval = "PT4H",
        };

        var sub = Validator.Create(request, "sub-1", "alice@example.com", TestEvents.T0);

        Assert.Empty(Validator.Validate(request));
        Assert.Equal((Channels.Teams, Webhook, "Magnet desk"), (sub.Channel, sub.Target, sub.Name));
        Assert.Equal(["85051110"], sub.Filter.Commodities);
        Assert.Equal(["EU27_2020"], sub.Filter.Reporters);
        Assert.Equal(Severity.Warning, sub.Filter.MinSeverity);
        Assert.Equal([AlertState.Firing, AlertState.Resolved], sub.Filter.States);
        Assert.Equal((GroupBy.Rule, TimeSpan.FromHours(4)), (sub.GroupBy, sub.RepeatInterval));
    }

    [Fact]
    public void Create_NoDataState_IsKeptForTheNoDataAlerts()
    {
        var request = Valid with { States = ["noData", " NODATA "] };

        var sub = Validator.Create(request, "sub-1", "ops@example.com", TestEvents.T0);

        Assert.Empty(Validator.Validate(request));
        Assert.Equal([AlertState.NoData], sub.Filter.States);
    }

    [Theory]
    // a duration that is not one
    [InlineData("soon", null, null, null, null, null, "groupWait")]
    // longer than allowed
    [InlineData(null, "P8D", null, null, null, null, "groupInterval")]
    // an unknown mode
    [InlineData(null, null, "hourly", null, null, null, "delivery.mode")]
    // a daily digest needs a time and a zone
    [InlineData(null, null, "daily", "8 o'clock", "Mars/Olympus", null, "delivery.at,delivery.timeZone")]
    // a weekly one a weekday
    [InlineData(null, null, "weekly", "08:00", "Europe/Brussels", "someday", "delivery.day")]
    // a day on a daily digest is a mistake, not ignored
    [InlineData(null, null, "daily", "08:00", "Europe/Brussels", "monday", "delivery.day")]
    // immediate takes nothing else
    [InlineData(null, null, "immediate", "08:00", null, null, "delivery")]
    public void Validate_BadTiming_NamesTheField(string? wait, string? interval, string? mode, string? at, string? zone, string? day, string fields)
    {
        var request = Valid with
        {
            GroupWait = wait,
            GroupInterval = interval,
            Delivery = mode is null ? null : new DeliveryRequest { Mode = mode, At = at, TimeZone = zone, Day = day },
        };

        Assert.Equal(fields.Split(','), Validator.Validate(request).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Create_Timing_IsParsedAndReadBackForAPatch()
    {
        var request = Valid with
        {
            GroupWait = "5m",
            GroupInterval = "PT1H",
            Delivery = new DeliveryRequest { Mode = "Weekly", At = "8:30", TimeZone = "Europe/Brussels", Day = "Friday" },
        };

        var sub = Validator.Create(request, "sub-1", "ops@example.com", TestEvents.T0);
        var back = SubscriptionPatch.ToRequest(sub);
        var view = SubscriptionView.From(sub);
        var immediate = SubscriptionView.From(Validator.Create(Valid, "sub-2", "ops@example.com", TestEvents.T0));

        Assert.Equal(new NotificationTiming(TimeSpan.FromMinutes(5), TimeSpan.FromHours(1), new DeliverySchedule(DeliveryMode.Weekly, new TimeOnly(8, 30), "Europe/Brussels", DayOfWeek.Friday)), sub.Timing);
        Assert.Equal(sub.Timing, Validator.Create(back, "sub-1", "ops@example.com", TestEvents.T0).Timing);
        Assert.Equal(("PT5M", "PT1H", "weekly", "08:30", "friday"), (view.GroupWait, view.GroupInterval, view.Delivery!.Mode, view.Delivery.At, view.Delivery.Day));
        Assert.Null(Validator.Create(Valid, "sub-2", "ops@example.com", TestEvents.T0).Timing);
        Assert.Equal(("PT0S", "immediate"), (immediate.GroupWait, immediate.Delivery!.Mode));
    }

    [Fact]
    public void Create_MinimalRequest_UsesDefaults()
    {
        var sub = Validator.Create(Valid, "sub-1", "alice@example.com", TestEvents.T0);

        Assert.Equal(SubscriptionFilter.Everything.MinSeverity, sub.Filter.MinSeverity);
        Assert.Empty(sub.Filter.Commodities);
        Assert.Empty(sub.Filter.States);
        Assert.Equal((GroupBy.Commodity, Subscription.DefaultRepeatInterval, (string?)null), (sub.GroupBy, sub.RepeatInterval, sub.Name));
    }

    [Fact]
    public void Create_InvalidRequest_ThrowsWithErrors()
    {
        var ex = Assert.Throws<SubscriptionValidationException>(() => Validator.Create(Valid with { Channel = "fax" }, "sub-1", "a", TestEvents.T0));

        Assert.Equal(["channel"], ex.Errors.Keys);
    }
}
