using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alerts.Cli.Commands;
using Alerts.Deliver;
using Alerts.DevStack.Smtp;
using Alerts.Platform.Bus.DeadLetters;
using Alerts.Route.Notifications;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Tests.Serve;

/// <summary>
/// Dead letters over real HTTP (<c>/api/deadletters</c>, admin only) and from the CLI (<c>alerts deadletters</c>), on the
/// loopback bus through the real client: mails the SMTP sink refused for good are dead-lettered by the email delivery,
/// listed without their targets, resubmitted (then delivered) or purged, one or all matching a filter.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class DeadLetterTests(ServedApp app) : IClassFixture<ServedApp>
{
    private const string Owner = "owner-deadletters";

    [Fact]
    public async Task DeadLetters_ListResubmitOnePurgeTheRest_OverHttp()
    {
        // two: a third permanent failure in a row would pause the subscription (Delivery__PauseAfterPermanentFailures)
        var (id, address) = await DeadLetteredAsync(2);

        var listed = await ListAsync($"?topic=notifications&subscription=email&subscriptionId={id}");
        var queue = Assert.Single(listed.GetProperty("queues").EnumerateArray());
        var messages = queue.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal("DeliveryFailed", m.GetProperty("reason").GetString()));
        Assert.All(messages, m => Assert.Contains("550", m.GetProperty("description").GetString(), StringComparison.Ordinal));
        Assert.DoesNotContain(address.Split('@')[0], listed.GetRawText(), StringComparison.OrdinalIgnoreCase);

        // one, by its sequence number: back to the email subscription, and delivered this time
        var sequence = messages[1].GetProperty("sequenceNumber").GetInt64();
        var resubmitted = await ActAsync(HttpMethod.Post, $"deadletters/notifications/email/resubmit?sequenceNumber={sequence}");
        Assert.Equal(1, resubmitted.GetProperty("resubmitted").GetInt32());
        await app.Host.Services.GetRequiredService<DeliveryService>().RunAsync(Channels.Email, CancellationToken.None);
        Assert.Single(app.Stack.Smtp.Messages.Snapshot(), m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase) && m.Subject != Alerts.Deliver.Email.VerificationMailer.Subject);
        var left = (await ListAsync($"?subscriptionId={id}")).GetProperty("queues").EnumerateArray().SelectMany(q => q.GetProperty("messages").EnumerateArray()).ToList();
        Assert.NotEqual(sequence, Assert.Single(left).GetProperty("sequenceNumber").GetInt64());

        // the rest, by filter
        var purged = await ActAsync(HttpMethod.Delete, $"deadletters/notifications/email?subscriptionId={id}&reason=deliveryfailed");
        Assert.Equal(1, purged.GetProperty("purged").GetInt32());
        Assert.Empty((await ListAsync($"?subscriptionId={id}")).GetProperty("queues").EnumerateArray().SelectMany(q => q.GetProperty("messages").EnumerateArray()));
    }

    [Theory]
    // no admin role: 403; no caller: 401
    [InlineData("GET", "deadletters", false, true, HttpStatusCode.Forbidden)]
    [InlineData("POST", "deadletters/notifications/email/resubmit", false, true, HttpStatusCode.Forbidden)]
    [InlineData("DELETE", "deadletters/notifications/email", true, false, HttpStatusCode.Unauthorized)]
    // a queue the topology does not have
    [InlineData("DELETE", "deadletters/notifications/sms", true, true, HttpStatusCode.NotFound)]
    [InlineData("GET", "deadletters?topic=notifications&subscription=sms", true, true, HttpStatusCode.BadRequest)]
    // bad numbers
    [InlineData("GET", "deadletters?max=0", true, true, HttpStatusCode.BadRequest)]
    [InlineData("POST", "deadletters/breaches/router/resubmit?sequenceNumber=first", true, true, HttpStatusCode.BadRequest)]
    public async Task DeadLetters_NotAdminUnknownQueueOrBadQuery_ProblemAndNothingTaken(string method, string path, bool admin, bool identified, HttpStatusCode expected)
    {
        var (id, _) = await DeadLetteredAsync(1);

        using var response = await app.Client.SendAsync(app.Api(new HttpMethod(method), path, identified ? "dl-caller" : null, admin));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Single((await ListAsync($"?subscriptionId={id}")).GetProperty("queues").EnumerateArray().SelectMany(q => q.GetProperty("messages").EnumerateArray()));
    }

    [Fact]
    public async Task Cli_ListJsonThenPurge_AgainstTheBusOfTheSettingsFile()
    {
        var (id, address) = await DeadLetteredAsync(2);
        var settings = Path.Combine(app.CaptureDirectory, $"bus-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new { Values = new Dictionary<string, string> { ["ServiceBus__ConnectionString"] = app.Stack.Settings["ServiceBus__ConnectionString"] } }));

        var (code, output, _) = await CliAsync(new() { Action = "list", SettingsFile = settings, Filter = new DeadLetterFilter(SubscriptionId: id), Json = true });
        Assert.Equal(0, code);
        var queues = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(3, queues.Count);
        Assert.Equal(2, queues.Single(q => q.GetProperty("subscription").GetString() == "email").GetProperty("messages").GetArrayLength());
        Assert.DoesNotContain(address.Split('@')[0], output, StringComparison.OrdinalIgnoreCase);

        (code, output, _) = await CliAsync(new() { Action = "purge", SettingsFile = settings, Topic = "notifications", Subscription = "email", Filter = new DeadLetterFilter(SubscriptionId: id) });
        Assert.Equal(0, code);
        Assert.Contains("notifications/email: 2 purged", output, StringComparison.Ordinal);
        Assert.Empty((await ListAsync($"?subscriptionId={id}")).GetProperty("queues").EnumerateArray().SelectMany(q => q.GetProperty("messages").EnumerateArray()));

        // no bus named: exit 1, naming the setting
        var (bad, _, error) = await CliAsync(new() { Action = "list", SettingsFile = Path.Combine(app.CaptureDirectory, "missing.json") });
        Assert.Equal(1, bad);
        Assert.Contains("missing.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_Help_ListsTheThreeVerbsAndTheirFilters()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(["deadletters", "--help"], stdout, stderr, CancellationToken.None));
        Assert.All(new[] { "list", "resubmit", "purge" }, verb => Assert.Contains(verb, stdout.ToString(), StringComparison.Ordinal));

        using var verbOut = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(["deadletters", "resubmit", "--help"], verbOut, stderr, CancellationToken.None));
        Assert.Contains("--sequence-number", verbOut.ToString(), StringComparison.Ordinal);
        Assert.Contains("--subscription-id", verbOut.ToString(), StringComparison.Ordinal);
    }

    // An active email subscription with `count` notifications the SMTP sink refused for good: dead-lettered as DeliveryFailed.
    private async Task<(string Id, string Address)> DeadLetteredAsync(int count)
    {
        var address = $"dead-{Guid.NewGuid():N}@example.eu";
        using var create = app.Api(HttpMethod.Post, "subscriptions", Owner);
        create.Content = JsonContent.Create(new { channel = "email", target = address });
        using var created = await app.Client.SendAsync(create);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var token = app.Host.Services.GetRequiredService<SubscriptionTokens>()
            .Issue(TokenPurpose.Verify, id, address, app.Host.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(1));
        using (var confirmed = await app.Client.PostAsync(new Uri(app.Host.ApiBaseUrl, $"links/subscriptions/{id}/confirm?token={Uri.EscapeDataString(token)}"), null))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        var notifications = Enumerable.Range(0, count).Select(i => TestNotifications.For(Channels.Email, address, TestNotifications.Breach($"dl-{i}/EU27_2020/850511/weight")) with
        {
            NotificationId = $"{id}-dead-{i}",
            SubscriptionId = id,
        }).ToList();
        await app.Host.Services.GetRequiredService<NotificationPublisher>().PublishAsync(notifications, CancellationToken.None);
        app.Stack.Smtp.FailNext(count, SmtpFailure.Permanent);
        await app.Host.Services.GetRequiredService<DeliveryService>().RunAsync(Channels.Email, CancellationToken.None);
        return (id, address);
    }

    private async Task<JsonElement> ListAsync(string query)
    {
        using var response = await app.Client.SendAsync(app.Api(HttpMethod.Get, "deadletters" + query, "dl-admin", admin: true));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> ActAsync(HttpMethod method, string path)
    {
        using var response = await app.Client.SendAsync(app.Api(method, path, "dl-admin", admin: true));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<(int Code, string Out, string Err)> CliAsync(DeadLettersOptions options)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await DeadLettersCommand.RunAsync(options, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
