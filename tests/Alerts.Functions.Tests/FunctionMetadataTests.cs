using System.Text.Json;

namespace Alerts.Functions.Tests;

/// <summary>
/// The build generates <c>functions.metadata</c>, which is what the Functions host reads to bind triggers.
/// These tests pin every function's trigger, schedule setting, route and methods.
/// </summary>
public sealed class FunctionMetadataTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Functions = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    });

    public static TheoryData<string, string> Timers => new()
    {
        { "PullTradeStatistics", "%Schedules:Pull%" }, // steps 1-3
        { "RouteBreaches", "%Schedules:Route%" }, // breaches/router -> notifications
        { "DeliverEmail", "%Schedules:DeliverEmail%" }, // notifications/email -> SMTP
        { "DeliverTeams", "%Schedules:DeliverTeams%" }, // notifications/teams -> webhook
        { "DrainRecalculations", "%Schedules:Recalculations%" }, // queued recalculations -> steps 1-3
        { "SendDigests", "%Schedules:Digest%" }, // daily and weekly digests -> notifications
    };

    // The key level is pinned per function: anonymous only where a caller cannot hold a key (health probes, the document).
    public static TheoryData<string, string, string, string> HttpFunctions => new()
    {
        { "CreateSubscription", "subscriptions", "post", "Function" },
        { "ListSubscriptions", "subscriptions", "get", "Function" },
        { "GetSubscription", "subscriptions/{id}", "get", "Function" },
        { "DeleteSubscription", "subscriptions/{id}", "delete", "Function" },
        { "ResumeSubscription", "subscriptions/{id}/resume", "post", "Function" },
        { "Recalculate", "recalculations", "post", "Function" },
        { "GetRecalculation", "recalculations/{id}", "get", "Function" },
        { "Health", "health", "get", "Anonymous" },
        { "Liveness", "health/live", "get", "Anonymous" },
        { "OpenApi", "openapi.json", "get", "Anonymous" },
        { "GetAlert", "alerts/{fingerprint}", "get", "Function" },
        { "ListAlerts", "alerts", "get", "Function" },
        { "GetIndices", "indices/{product}", "get", "Function" },
        { "GetCommodityIndices", "indices/{commodity}/{stage}", "get", "Function" },
        { "PatchSubscription", "subscriptions/{id}", "patch", "Function" },
        { "ResendVerification", "subscriptions/{id}/verification", "post", "Function" },
        // Anonymous: the signed token is the credential; under links/, which App Service authentication lets through.
        { "ConfirmSubscriptionPage", "links/subscriptions/{id}/confirm", "get", "Anonymous" },
        { "ConfirmSubscription", "links/subscriptions/{id}/confirm", "post", "Anonymous" },
        { "UnsubscribePage", "links/subscriptions/{id}/unsubscribe", "get", "Anonymous" },
        { "Unsubscribe", "links/subscriptions/{id}/unsubscribe", "post", "Anonymous" },
        // The same links' first routes, for mails sent before the move (behind sign-in in Azure).
        { "LegacyConfirmSubscriptionPage", "subscriptions/{id}/confirm", "get", "Anonymous" },
        { "LegacyConfirmSubscription", "subscriptions/{id}/confirm", "post", "Anonymous" },
        { "LegacyUnsubscribePage", "subscriptions/{id}/unsubscribe", "get", "Anonymous" },
        { "LegacyUnsubscribe", "subscriptions/{id}/unsubscribe", "post", "Anonymous" },
        { "TestSubscription", "subscriptions/{id}/test", "post", "Function" },
        { "ListDeliveries", "subscriptions/{id}/deliveries", "get", "Function" },
        { "ListDeadLetters", "deadletters", "get", "Function" }, // admin, checked by the function
        { "ResubmitDeadLetters", "deadletters/{topic}/{subscription}/resubmit", "post", "Function" },
        { "PurgeDeadLetters", "deadletters/{topic}/{subscription}", "delete", "Function" },
        { "CreateSilence", "silences", "post", "Function" },
        { "ListSilences", "silences", "get", "Function" },
        { "GetSilence", "silences/{id}", "get", "Function" },
        { "ExpireSilence", "silences/{id}", "delete", "Function" },
        { "PauseSubscription", "subscriptions/{id}/pause", "post", "Function" },
        { "ChartImage", "charts/trend.png", "get", "Anonymous" }, // anonymous: the link's signature is the credential (Teams fetches it)
        // The analysts' pages: a browser holds no function key; the caller comes from App Service authentication.
        { "WebOverview", "web", "get", "Anonymous" },
        { "WebMaterial", "web/materials/{id}", "get", "Anonymous" },
        { "WebAlert", "web/alerts/{fingerprint}", "get", "Anonymous" },
        { "WebChart", "web/charts/trend.png", "get", "Anonymous" },
        { "WebAsset", "web/assets/{name}", "get", "Anonymous" },
        { "WebSubscriptions", "web/subscriptions", "get", "Anonymous" },
        { "WebCreateSubscription", "web/subscriptions", "post", "Anonymous" },
        { "WebEditSubscription", "web/subscriptions/{id}/edit", "get", "Anonymous" },
        { "WebSaveSubscription", "web/subscriptions/{id}/edit", "post", "Anonymous" },
        { "WebSubscriptionAction", "web/subscriptions/{id}/{action}", "post", "Anonymous" },
        // Administration: anonymous at the key level like every page; each route requires the Alerts.Admin role itself.
        { "WebAdmin", "web/admin", "get", "Anonymous" },
        { "WebRecalculate", "web/admin/recalculations", "post", "Anonymous" },
        { "WebRecalculation", "web/admin/recalculations/{id}", "get", "Anonymous" },
    };

    [Theory]
    [MemberData(nameof(Timers))]
    public void Metadata_TimerFunction_HasScheduleFromSetting(string name, string schedule)
    {
        var trigger = Trigger(name);
        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(schedule, trigger.GetProperty("schedule").GetString());
    }

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public void Metadata_HttpFunction_HasRouteMethodAndKeyLevel(string name, string route, string method, string level)
    {
        var trigger = Trigger(name);
        Assert.Equal(level, trigger.GetProperty("authLevel").GetString(), ignoreCase: true);
        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void Metadata_AllFunctions_AreExactlyTheIntendedOnes()
    {
        var expected = Timers.Select(r => (string)r[0]).Concat(HttpFunctions.Select(r => (string)r[0])).Order(StringComparer.Ordinal);
        Assert.Equal(expected, Functions.Value.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Metadata_LinksPrefix_HoldsOnlyTheSignedLinks()
    {
        // App Service authentication lets everything under /api/links through (infra/modules/auth.bicep): only the
        // functions whose credential is the link's token may live there.
        var underLinks = Functions.Value.Where(f => f.Value.GetProperty("bindings").EnumerateArray()
                .Any(b => b.TryGetProperty("route", out var route) && (route.GetString() ?? "").Split('/')[0] == "links"))
            .Select(f => f.Key).Order(StringComparer.Ordinal);
        Assert.Equal(["ConfirmSubscription", "ConfirmSubscriptionPage", "Unsubscribe", "UnsubscribePage"], underLinks);
    }

    private static JsonElement Trigger(string name)
    {
        Assert.True(Functions.Value.TryGetValue(name, out var function), $"functions.metadata has no function {name}");
        return function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("direction").GetString() == "In");
    }
}
