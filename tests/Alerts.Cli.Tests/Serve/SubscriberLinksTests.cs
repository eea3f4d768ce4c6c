using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.DevStack.Smtp;
using Alerts.Route.Notifications;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Tests.Serve;

/// <summary>
/// Double opt-in and one-click unsubscribe over real HTTP on the served app, with the mail read back from the local
/// SMTP sink: only the verification mail before confirmation, GET pages that change nothing, and tampered, foreign and
/// expired tokens refused without a change.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed partial class SubscriberLinksTests(ServedApp app) : IClassFixture<ServedApp>
{
    [Fact]
    public async Task Subscribe_Email_OnlyTheVerificationMailThenConfirmByPostActivates()
    {
        var address = Address();
        var id = await SubscribeAsync(address, "owner-optin");
        Assert.Equal("pendingVerification", await StatusAsync(id, "owner-optin"));

        var mail = Assert.Single(await MailsToAsync(address, 1));
        Assert.Equal(VerificationMailer.Subject, mail.Subject);
        var link = ConfirmLink().Match(mail.TextBody!).Value;
        Assert.NotEmpty(link);

        // The GET is what a mail scanner does: a page with a button, and no change.
        using var page = await app.Client.GetAsync(Local(link));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("pendingVerification", await StatusAsync(id, "owner-optin"));

        using var confirmed = await app.Client.PostAsync(Local(link), null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("active", await StatusAsync(id, "owner-optin"));

        // Idempotent: the same link again is fine and changes nothing; a new mail is refused, as it is not pending.
        using var again = await app.Client.PostAsync(Local(link), null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var resend = await app.Client.SendAsync(app.Api(HttpMethod.Post, $"subscriptions/{id}/verification", "owner-optin"));
        await AssertProblemAsync(resend, HttpStatusCode.Conflict);
        Assert.Single(await MailsToAsync(address, 1));
    }

    [Fact]
    public async Task Confirm_TamperedForeignOrExpiredToken_RefusedAndStaysPending()
    {
        var address = Address();
        var id = await SubscribeAsync(address, "owner-bad-links");
        var otherId = await SubscribeAsync(Address(), "owner-bad-links");
        var token = Token(ConfirmLink().Match((await MailsToAsync(address, 1))[0].TextBody!).Value);
        var tokens = app.Host.Services.GetRequiredService<SubscriptionTokens>();

        // the signature altered
        await AssertRefusedAsync($"links/subscriptions/{id}/confirm?token={Uri.EscapeDataString(Tampered(token))}", HttpStatusCode.Forbidden);

        // a genuine token of this subscription used on another one
        await AssertRefusedAsync($"links/subscriptions/{otherId}/confirm?token={Uri.EscapeDataString(token)}", HttpStatusCode.Forbidden);

        // genuine but expired
        var expired = tokens.Issue(TokenPurpose.Verify, id, address, app.Host.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(-1));
        await AssertRefusedAsync($"links/subscriptions/{id}/confirm?token={Uri.EscapeDataString(expired)}", HttpStatusCode.Gone);

        // none at all, and an id nobody has
        await AssertRefusedAsync($"links/subscriptions/{id}/confirm", HttpStatusCode.Forbidden);
        await AssertRefusedAsync($"links/subscriptions/sub-nobody/confirm?token={Uri.EscapeDataString(token)}", HttpStatusCode.NotFound);

        Assert.Equal("pendingVerification", await StatusAsync(id, "owner-bad-links"));
        Assert.Equal("pendingVerification", await StatusAsync(otherId, "owner-bad-links"));
    }

    [Fact]
    public async Task ResendVerification_TooSoonOrOtherOwner_RefusedWithProblem()
    {
        var id = await SubscribeAsync(Address(), "owner-resend");

        using var tooSoon = await app.Client.SendAsync(app.Api(HttpMethod.Post, $"subscriptions/{id}/verification", "owner-resend"));
        await AssertProblemAsync(tooSoon, HttpStatusCode.TooManyRequests);
        Assert.True(tooSoon.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        using var notYours = await app.Client.SendAsync(app.Api(HttpMethod.Post, $"subscriptions/{id}/verification", "someone-else"));
        await AssertProblemAsync(notYours, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Notification_Mail_CarriesOneClickUnsubscribeThatWorksWithoutSignInAndStopsDelivery()
    {
        var address = Address();
        var id = await SubscribeActiveAsync(address, "owner-unsub");
        var otherId = await SubscribeActiveAsync(Address(), "owner-unsub");

        await DeliverAsync(id, address, "first");
        var mail = (await MailsToAsync(address, 2)).Single(m => m.Subject != VerificationMailer.Subject);
        var header = mail.Message.Headers["List-Unsubscribe"] ?? string.Empty;
        var url = header.Trim('<', '>');
        Assert.Matches($"^<https?://[^>]+/api/links/subscriptions/{id}/unsubscribe\\?token=[^>]+>$", header);
        Assert.Equal(ListHeaders.OneClick, mail.Message.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("auto-generated", mail.Message.Headers["Auto-Submitted"]);
        Assert.False(string.IsNullOrEmpty(mail.Message.Headers["List-Id"]));
        Assert.Contains(url, mail.TextBody!, StringComparison.Ordinal);
        Assert.DoesNotContain(address, url, StringComparison.OrdinalIgnoreCase);
        var token = Token(url);

        // Tampered, foreign, and a missing one-click body: refused, nothing changes.
        await AssertUnsubscribeAsync($"links/subscriptions/{id}/unsubscribe?token={Uri.EscapeDataString(Tampered(token))}", HttpStatusCode.Forbidden);
        await AssertUnsubscribeAsync($"links/subscriptions/{otherId}/unsubscribe?token={Uri.EscapeDataString(token)}", HttpStatusCode.Forbidden);
        using (var noBody = await app.Client.PostAsync(Local(url), null))
        {
            await AssertProblemAsync(noBody, HttpStatusCode.BadRequest);
        }

        using (var page = await app.Client.GetAsync(Local(url)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        Assert.Equal("active", await StatusAsync(id, "owner-unsub"));
        Assert.Equal("active", await StatusAsync(otherId, "owner-unsub"));

        // The one click, as a mailbox provider sends it: no key, no caller; twice is the same.
        for (var i = 0; i < 2; i++)
        {
            using var done = await app.Client.PostAsync(Local(url), OneClick());
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }

        Assert.Equal("unsubscribed", await StatusAsync(id, "owner-unsub"));

        // Queued notifications of an unsubscribed or deleted subscription are dropped at delivery, not sent.
        using (var deleted = await app.Client.SendAsync(app.Api(HttpMethod.Delete, $"subscriptions/{otherId}", "owner-unsub")))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await DeliverAsync(id, address, "repeat-interval-elapsed");
        await DeliverAsync(otherId, "other-" + address, "first");
        Assert.Equal(2, (await MailsToAsync(address, 2)).Count);
        Assert.DoesNotContain(app.Stack.Smtp.Messages.Snapshot(), m => m.To.Contains("other-" + address));
    }

    [Fact]
    public async Task LegacyRoutes_LinksOfOlderMails_AnswerAsTheLinksDoWithTheSameTokenCheck()
    {
        // Mails sent before the links moved under /api/links carry /api/subscriptions/{id}/...: same tokens, same answers.
        var address = Address();
        var id = await SubscribeAsync(address, "owner-legacy");
        var link = ConfirmLink().Match((await MailsToAsync(address, 1))[0].TextBody!).Value;
        Assert.Contains($"/api/links/subscriptions/{id}/confirm?token=", link, StringComparison.Ordinal);
        var token = Token(link);
        var legacyConfirm = $"subscriptions/{id}/confirm?token={Uri.EscapeDataString(token)}";

        await AssertRefusedAsync($"subscriptions/{id}/confirm?token={Uri.EscapeDataString(Tampered(token))}", HttpStatusCode.Forbidden);
        using (var page = await app.Client.GetAsync(new Uri(app.Host.ApiBaseUrl, legacyConfirm)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains($"action=\"/api/subscriptions/{id}/confirm?token=", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal); // posts back where it was opened
        }

        Assert.Equal("pendingVerification", await StatusAsync(id, "owner-legacy"));
        using (var confirmed = await app.Client.PostAsync(new Uri(app.Host.ApiBaseUrl, legacyConfirm), null))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        Assert.Equal("active", await StatusAsync(id, "owner-legacy"));

        // An unsubscribe token (never expires) on the old route; a confirm token there is refused.
        var unsubscribe = app.Host.Services.GetRequiredService<SubscriptionTokens>().Issue(TokenPurpose.Unsubscribe, id, address);
        await AssertUnsubscribeAsync($"subscriptions/{id}/unsubscribe?token={Uri.EscapeDataString(token)}", HttpStatusCode.Forbidden);
        Assert.Equal("active", await StatusAsync(id, "owner-legacy"));
        using (var done = await app.Client.PostAsync(new Uri(app.Host.ApiBaseUrl, $"subscriptions/{id}/unsubscribe?token={Uri.EscapeDataString(unsubscribe)}"), OneClick()))
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }

        Assert.Equal("unsubscribed", await StatusAsync(id, "owner-legacy"));
    }

    private async Task DeliverAsync(string subscriptionId, string address, string reason)
    {
        var notification = TestNotifications.For(Channels.Email, address, TestNotifications.Breach()) with
        {
            NotificationId = $"{subscriptionId}-{reason}",
            SubscriptionId = subscriptionId,
            Reason = reason,
        };
        await app.Host.Services.GetRequiredService<NotificationPublisher>().PublishAsync([notification], CancellationToken.None);
        await app.Host.Services.GetRequiredService<DeliveryService>().RunAsync(Channels.Email, CancellationToken.None);
    }

    private async Task<string> SubscribeAsync(string address, string owner)
    {
        using var create = app.Api(HttpMethod.Post, "subscriptions", owner);
        create.Content = JsonContent.Create(new { channel = "email", target = address });
        using var created = await app.Client.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<string> SubscribeActiveAsync(string address, string owner)
    {
        var id = await SubscribeAsync(address, owner);
        var link = ConfirmLink().Match((await MailsToAsync(address, 1))[0].TextBody!).Value;
        using var confirmed = await app.Client.PostAsync(Local(link), null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        return id;
    }

    private async Task<string?> StatusAsync(string id, string owner)
    {
        using var get = await app.Client.SendAsync(app.Api(HttpMethod.Get, $"subscriptions/{id}", owner));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        return (await get.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
    }

    // The sink stores a mail when the DATA is accepted; the API answers after that, so a short wait only covers slow machines.
    private async Task<List<ReceivedMail>> MailsToAsync(string address, int atLeast)
    {
        for (var i = 0; ; i++)
        {
            var mails = app.Stack.Smtp.Messages.Snapshot().Where(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase)).ToList();
            if (mails.Count >= atLeast || i == 50)
            {
                return mails;
            }

            await Task.Delay(100);
        }
    }

    private async Task AssertRefusedAsync(string path, HttpStatusCode expected)
    {
        using var response = await app.Client.PostAsync(new Uri(app.Host.ApiBaseUrl, path), null);
        await AssertProblemAsync(response, expected);
        using var page = await app.Client.GetAsync(new Uri(app.Host.ApiBaseUrl, path));
        await AssertProblemAsync(page, expected);
    }

    private async Task AssertUnsubscribeAsync(string path, HttpStatusCode expected)
    {
        using var response = await app.Client.PostAsync(new Uri(app.Host.ApiBaseUrl, path), OneClick());
        await AssertProblemAsync(response, expected);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    private static FormUrlEncodedContent OneClick() => new([KeyValuePair.Create("List-Unsubscribe", "One-Click")]);

    // Links are made with the public base URL; the test reaches the same path and query on the served app.
    private Uri Local(string link) => new(app.Host.BaseUrl, new Uri(link).PathAndQuery);

    private static string Token(string link) => Uri.UnescapeDataString(new Uri(link).Query.Split("token=")[1]);

    private static string Address() => $"desk-{Guid.NewGuid():N}@example.eu";

    [GeneratedRegex(@"https?://\S+/confirm\?token=\S+")]
    private static partial Regex ConfirmLink();

    // One character of the middle changed: the last base64url character may carry unused bits, so changing it may not change the token.
    private static string Tampered(string token)
    {
        var i = token.Length / 2;
        return token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
    }
}
