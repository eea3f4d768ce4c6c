using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alerts.Deliver;
using Alerts.Route.Notifications;
using Alerts.Route.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Tests.Serve;

/// <summary><c>POST /api/subscriptions/{id}/test</c> over real HTTP: through the bus and the email delivery to the SMTP sink, then into the history.</summary>
[Collection(PipelineCollection.Name)]
public sealed class SubscriptionTestSendTests(ServedApp app) : IClassFixture<ServedApp>
{
    private const string Owner = "owner-test-send";

    [Fact]
    public async Task Test_ActiveSubscription_LabelledMailDeliveredAndInHistory()
    {
        var address = $"test-send-{Guid.NewGuid():N}@example.eu";
        var id = await SubscribeAsync(address, confirm: true);

        using var accepted = await app.Client.SendAsync(app.Api(HttpMethod.Post, $"subscriptions/{id}/test", Owner));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var notificationId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("notificationId").GetString();
        await app.Host.Services.GetRequiredService<DeliveryService>().RunAsync(Channels.Email, CancellationToken.None);

        var mail = Assert.Single(app.Stack.Smtp.Messages.Snapshot(), m => m.To.Contains(address) && m.Subject.StartsWith("[TEST]", StringComparison.Ordinal));
        Assert.Contains("sample values", mail.TextBody, StringComparison.Ordinal);
        using var history = await app.Client.SendAsync(app.Api(HttpMethod.Get, $"subscriptions/{id}/deliveries", Owner));
        var delivery = Assert.Single((await history.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deliveries").EnumerateArray(), d => d.GetProperty("kind").GetString() == "delivery");
        Assert.Equal(notificationId, delivery.GetProperty("notificationId").GetString());
        Assert.Equal("delivered", delivery.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Test_PendingOrOtherOwners_RefusedWithProblemAndNothingSent()
    {
        var address = $"test-send-{Guid.NewGuid():N}@example.eu";
        var id = await SubscribeAsync(address, confirm: false);

        using var pending = await app.Client.SendAsync(app.Api(HttpMethod.Post, $"subscriptions/{id}/test", Owner));
        Assert.Equal(HttpStatusCode.Conflict, pending.StatusCode);
        Assert.Equal("application/problem+json", pending.Content.Headers.ContentType?.MediaType);
        using var notYours = await app.Client.SendAsync(app.Api(HttpMethod.Post, $"subscriptions/{id}/test", "someone-else"));
        Assert.Equal(HttpStatusCode.NotFound, notYours.StatusCode);

        await app.Host.Services.GetRequiredService<DeliveryService>().RunAsync(Channels.Email, CancellationToken.None);
        Assert.DoesNotContain(app.Stack.Smtp.Messages.Snapshot(), m => m.To.Contains(address) && m.Subject.StartsWith("[TEST]", StringComparison.Ordinal));
    }

    private async Task<string> SubscribeAsync(string address, bool confirm)
    {
        using var create = app.Api(HttpMethod.Post, "subscriptions", Owner);
        create.Content = JsonContent.Create(new { channel = "email", target = address });
        using var created = await app.Client.SendAsync(create);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        if (confirm)
        {
            var token = app.Host.Services.GetRequiredService<SubscriptionTokens>()
                .Issue(TokenPurpose.Verify, id, address, app.Host.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(1));
            using var confirmed = await app.Client.PostAsync(new Uri(app.Host.ApiBaseUrl, $"links/subscriptions/{id}/confirm?token={Uri.EscapeDataString(token)}"), null);
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        return id;
    }
}
