using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alerts.Deliver;
using Alerts.DevStack.Smtp;
using Alerts.Route.Notifications;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Tests.Serve;

/// <summary><c>GET /api/subscriptions/{id}/deliveries</c> over real HTTP after real deliveries to the SMTP sink: pages, outcomes, redaction, bad input.</summary>
[Collection(PipelineCollection.Name)]
public sealed class DeliveryHistoryTests(ServedApp app) : IClassFixture<ServedApp>
{
    private const string Owner = "owner-history";

    [Fact]
    public async Task Deliveries_AfterThreeSends_PagedNewestFirstWithOutcomesAndRedactedReasons()
    {
        var address = $"history-{Guid.NewGuid():N}@example.eu";
        var id = await ActiveEmailAsync(address);
        await DeliverAsync(id, address, "one", "crma-65/EU27_2020/85051110/weight");
        app.Stack.Smtp.FailNext(1, SmtpFailure.Permanent);
        await DeliverAsync(id, address, "two", "crma-65/EU27_2020/850511/weight");
        await DeliverAsync(id, address, "three", "crma-65/DE/85051110/weight");

        // six lines: the three deliveries above the subscription's own steps (confirmed, verificationSent, subscribed)
        var first = await PageAsync(id, "?pageSize=4");
        Assert.Equal(4, first.GetProperty("deliveries").GetArrayLength());
        var continuation = first.GetProperty("continuation").GetString();
        Assert.False(string.IsNullOrEmpty(continuation));
        var second = await PageAsync(id, $"?pageSize=4&continuation={continuation}");
        Assert.Equal(JsonValueKind.Null, second.GetProperty("continuation").ValueKind);

        var lines = first.GetProperty("deliveries").EnumerateArray().Concat(second.GetProperty("deliveries").EnumerateArray()).ToList();
        Assert.Equal(["delivery", "delivery", "delivery", "confirmed", "verificationSent", "subscribed"], lines.Select(d => d.GetProperty("kind").GetString()));
        var all = lines.Take(3).ToList();
        Assert.Equal([$"{id}-three", $"{id}-two", $"{id}-one"], all.Select(d => d.GetProperty("notificationId").GetString()));
        Assert.Equal(["delivered", "permanent", "delivered"], all.Select(d => d.GetProperty("outcome").GetString()));
        Assert.All(all, d => Assert.Equal("email", d.GetProperty("channel").GetString()));
        Assert.Contains(TestNotifications.Breach("crma-65/DE/85051110/weight").EventId, all[0].GetProperty("alerts").EnumerateArray().Select(a => a.GetString()));
        var reason = all[1].GetProperty("failureReason").GetString()!;
        Assert.Contains("550", reason, StringComparison.Ordinal);
        Assert.DoesNotContain(address.Split('@')[0], reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(JsonValueKind.Null, all[0].GetProperty("failureReason").ValueKind);
    }

    [Theory]
    // not a token this API made
    [InlineData("?continuation=%25%25not-a-token")]
    // out of range
    [InlineData("?pageSize=0")]
    [InlineData("?pageSize=1000")]
    public async Task Deliveries_BadQuery_Is400Problem(string query)
    {
        var id = await ActiveEmailAsync($"history-{Guid.NewGuid():N}@example.eu");

        using var response = await app.Client.SendAsync(app.Api(HttpMethod.Get, $"subscriptions/{id}/deliveries{query}", Owner));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Deliveries_OtherOwnersSubscription_Is404()
    {
        var id = await ActiveEmailAsync($"history-{Guid.NewGuid():N}@example.eu");

        using var response = await app.Client.SendAsync(app.Api(HttpMethod.Get, $"subscriptions/{id}/deliveries", "someone-else"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<JsonElement> PageAsync(string id, string query)
    {
        using var response = await app.Client.SendAsync(app.Api(HttpMethod.Get, $"subscriptions/{id}/deliveries{query}", Owner));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task DeliverAsync(string subscriptionId, string address, string name, string fingerprint)
    {
        var notification = TestNotifications.For(Channels.Email, address, TestNotifications.Breach(fingerprint)) with
        {
            NotificationId = $"{subscriptionId}-{name}",
            SubscriptionId = subscriptionId,
        };
        await app.Host.Services.GetRequiredService<NotificationPublisher>().PublishAsync([notification], CancellationToken.None);
        await app.Host.Services.GetRequiredService<DeliveryService>().RunAsync(Channels.Email, CancellationToken.None);
    }

    private async Task<string> ActiveEmailAsync(string address)
    {
        using var create = app.Api(HttpMethod.Post, "subscriptions", Owner);
        create.Content = JsonContent.Create(new { channel = "email", target = address });
        using var created = await app.Client.SendAsync(create);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var token = app.Host.Services.GetRequiredService<SubscriptionTokens>()
            .Issue(TokenPurpose.Verify, id, address, app.Host.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(1));
        using var confirmed = await app.Client.PostAsync(new Uri(app.Host.ApiBaseUrl, $"links/subscriptions/{id}/confirm?token={Uri.EscapeDataString(token)}"), null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        return id;
    }
}
