using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.DevStack.Smtp;
using Alerts.Functions.Pull.Recalculations;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Tests.Serve;

/// <summary>
/// The issue's walk over real HTTP, the real bus and the SMTP sink: with alerts firing, a new email subscriber gets only
/// the verification mail, confirms, receives the alerts firing now once (the router does not send them again), unsubscribes
/// with the header's one click, and sees each step in its history.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed partial class SubscriberWalkTests(ServedApp app) : IClassFixture<ServedApp>
{
    private const string Owner = "owner-walk";

    [Fact]
    public async Task Walk_SubscribeConfirmCurrentAlertsOnceUnsubscribe_EachStepInTheHistory()
    {
        await FireMagnetAlertsAsync();
        var firing = await FiringCountAsync();
        Assert.True(firing > 0, "the sample data fires alerts on rare-earth magnets");

        var address = $"walk-{Guid.NewGuid():N}@example.eu";
        var id = await SubscribeAsync(address);

        // Pending: routing and delivery send nothing to it; only the verification mail is there.
        await RouteAndDeliverAsync();
        var verification = Assert.Single(await MailsAsync(address, 1));
        Assert.Equal(VerificationMailer.Subject, verification.Subject);

        using (var confirmed = await app.Client.PostAsync(Local(ConfirmLink().Match(verification.TextBody!).Value), null))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        await app.Host.Services.GetRequiredService<DeliveryService>().RunAsync(Channels.Email, CancellationToken.None);
        var current = Assert.Single(await MailsAsync(address, 2), m => m.Subject != VerificationMailer.Subject);
        Assert.Contains("firing when you subscribed", current.TextBody, StringComparison.Ordinal);

        // The breaches of the recalculation are routed only now: the notification log already holds them for this subscriber.
        await RouteAndDeliverAsync();
        using (var again = await app.Client.PostAsync(Local(ConfirmLink().Match(verification.TextBody!).Value), null))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        await RouteAndDeliverAsync();
        Assert.Equal(2, Mails(address).Count);

        var unsubscribe = (current.Message.Headers["List-Unsubscribe"] ?? string.Empty).Trim('<', '>');
        using (var done = await app.Client.PostAsync(Local(unsubscribe), new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }

        var history = await HistoryAsync(id);
        Assert.Equal(
            ["unsubscribed", "delivery", "currentAlertsSent", "confirmed", "verificationSent", "subscribed"],
            history.Select(h => h.GetProperty("kind").GetString()));
        var delivery = history[1];
        Assert.Equal("delivered", delivery.GetProperty("outcome").GetString());
        Assert.InRange(delivery.GetProperty("alerts").GetArrayLength(), 1, firing);
        Assert.All(history, h => Assert.DoesNotContain(address, h.GetRawText(), StringComparison.OrdinalIgnoreCase));
        Assert.Equal(JsonValueKind.Null, history[0].GetProperty("outcome").ValueKind);
    }

    [Fact]
    public async Task Confirm_NoAlertFiringThatMatches_NothingButTheVerificationMail()
    {
        await FireMagnetAlertsAsync();
        var address = $"walk-quiet-{Guid.NewGuid():N}@example.eu";
        var id = await SubscribeAsync(address, commodities: ["lithium"]);
        using (var confirmed = await app.Client.PostAsync(Local(ConfirmLink().Match(Assert.Single(await MailsAsync(address, 1)).TextBody!).Value), null))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        await app.Host.Services.GetRequiredService<DeliveryService>().RunAsync(Channels.Email, CancellationToken.None);

        Assert.Single(Mails(address));
        Assert.DoesNotContain("currentAlertsSent", (await HistoryAsync(id)).Select(h => h.GetProperty("kind").GetString()));
    }

    private async Task FireMagnetAlertsAsync()
    {
        using var post = app.Api(HttpMethod.Post, "recalculations", "walk-admin", admin: true);
        post.Content = JsonContent.Create(new { products = new[] { "850511" }, force = true });
        using var accepted = await app.Client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await app.Host.Services.GetRequiredService<RecalculationWorker>().DrainAsync(CancellationToken.None);
    }

    private async Task<int> FiringCountAsync()
    {
        using var response = await app.Client.SendAsync(app.Api(HttpMethod.Get, "alerts?state=firing", Owner));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength();
    }

    private async Task RouteAndDeliverAsync()
    {
        await app.Host.Services.GetRequiredService<RouteService>().RunAsync(CancellationToken.None);
        await app.Host.Services.GetRequiredService<DeliveryService>().RunAsync(Channels.Email, CancellationToken.None);
    }

    private async Task<string> SubscribeAsync(string address, string[]? commodities = null)
    {
        using var create = app.Api(HttpMethod.Post, "subscriptions", Owner);
        create.Content = JsonContent.Create(new { channel = "email", target = address, commodities = commodities ?? [] });
        using var created = await app.Client.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<List<JsonElement>> HistoryAsync(string id)
    {
        using var response = await app.Client.SendAsync(app.Api(HttpMethod.Get, $"subscriptions/{id}/deliveries", Owner));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deliveries").EnumerateArray()];
    }

    private List<ReceivedMail> Mails(string address) =>
        [.. app.Stack.Smtp.Messages.Snapshot().Where(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase))];

    // The sink stores a mail once its DATA is accepted, which the sender awaits; the wait only covers slow machines.
    private async Task<List<ReceivedMail>> MailsAsync(string address, int atLeast)
    {
        for (var i = 0; ; i++)
        {
            var mails = Mails(address);
            if (mails.Count >= atLeast || i == 50)
            {
                return mails;
            }

            await Task.Delay(100);
        }
    }

    private Uri Local(string link) => new(app.Host.BaseUrl, new Uri(link).PathAndQuery);

    [GeneratedRegex(@"https?://\S+/confirm\?token=\S+")]
    private static partial Regex ConfirmLink();
}
