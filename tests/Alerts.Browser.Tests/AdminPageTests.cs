using System.Net;
using Alerts.Functions.Pull.Recalculations;
using Alerts.Platform.Bus;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Alerts.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AdminPageTests(BrowserApp app)
{
    [Fact]
    public async Task Admin_SeesDeadLetters_StartsARecalculationAndWatchesItSucceed()
    {
        var messageId = await DeadLetterANotificationAsync();
        var (page, errors) = await app.PageAsync("operator-1", admin: true);
        await page.GotoAsync(app.Url(string.Empty));

        // Reached from the navigation, by keyboard.
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Administration" });
        await nav.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/web/admin");
        var row = page.Locator($"table[data-queue='notifications/email'] tr[data-message-id='{messageId}']");
        Assert.Contains("DeliveryFailed", await row.InnerTextAsync());
        Assert.Contains("mailbox unavailable", await row.InnerTextAsync());
        Assert.Equal(3, await page.Locator("table.deadletters").CountAsync()); // router, email, teams
        await PageChecks.AssertAccessibleAsync(page);
        await app.ScreenshotAsync(page, "admin");

        // Start one for borates: 303 to its status page, queued until the worker takes it.
        await page.Locator("#commodity").SelectOptionAsync("boron");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start recalculation" }).ClickAsync();
        await page.WaitForURLAsync("**/web/admin/recalculations/**");
        Assert.Equal("queued", (await page.Locator("#run-status").InnerTextAsync()).Trim());
        Assert.Contains("boron", await page.Locator("dl.run").InnerTextAsync());
        await PageChecks.AssertAccessibleAsync(page);

        // The worker's timer (not running on its own in these tests) starts and finishes it; the page shows it on refresh.
        Assert.True(await app.Host.Timers.RunNowAsync("DrainRecalculations", CancellationToken.None));
        await page.GetByRole(AriaRole.Link, new() { Name = "Refresh status" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#run-status")).ToHaveTextAsync("succeeded");
        Assert.Equal(1, await page.Locator("#run-summary").CountAsync());
        Assert.Equal(0, await page.Locator("#refresh").CountAsync());
        await app.ScreenshotAsync(page, "admin-recalculation");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task NonAdmin_SeesNoAdministration_AndTheServerRefusesIt()
    {
        var (page, errors) = await app.PageAsync("analyst-2");
        await page.GotoAsync(app.Url(string.Empty));
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Administration" }).CountAsync());
        Assert.DoesNotContain("Administration", await page.Locator("main").InnerTextAsync());

        // Typing the address does not help: the page is refused, not merely unlinked.
        var direct = await page.GotoAsync(app.Url("/admin"));
        Assert.Equal((int)HttpStatusCode.Forbidden, direct!.Status);
        Assert.Contains("Admins only", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(0, await page.Locator("table.deadletters").CountAsync());
        await PageChecks.AssertAccessibleAsync(page);

        // Nor does posting the form with a genuine form token of their own (from their subscriptions page): nothing is queued.
        await page.GotoAsync(app.Url("/subscriptions"));
        var token = await page.Locator($"input[name='__form']").First.GetAttributeAsync("value");
        var store = app.Host.Services.GetRequiredService<RecalculationStore>();
        var before = (await store.UnfinishedAsync(CancellationToken.None)).Count;
        var post = await page.APIRequest.PostAsync(app.Url("/admin/recalculations"), new APIRequestContextOptions
        {
            Form = page.APIRequest.CreateFormData().Set("__form", token!).Set("commodity", "boron"),
            MaxRedirects = 0,
        });
        Assert.Equal((int)HttpStatusCode.Forbidden, post.Status);
        Assert.Equal(before, (await store.UnfinishedAsync(CancellationToken.None)).Count);
        var status = await page.APIRequest.GetAsync(app.Url("/admin/recalculations/any-run"));
        Assert.Equal((int)HttpStatusCode.Forbidden, status.Status);
        Assert.Empty(errors);
    }

    // A notification dead-lettered the way the email delivery does after a permanent failure, on the real bus.
    private async Task<string> DeadLetterANotificationAsync()
    {
        var client = app.Host.Services.GetRequiredService<ServiceBusClient>();
        var messageId = "browser-deadletter-" + Guid.NewGuid().ToString("N");
        await using (var sender = client.CreateSender(ServiceBusNames.NotificationsTopic))
        {
            var message = new ServiceBusMessage("{}") { MessageId = messageId, CorrelationId = "browser-tests" };
            message.ApplicationProperties[MessageProperties.Channel] = "email";
            message.ApplicationProperties[MessageProperties.SubscriptionId] = "sub-browser";
            await sender.SendMessageAsync(message);
        }

        await using var receiver = client.CreateReceiver(ServiceBusNames.NotificationsTopic, ServiceBusNames.EmailSubscription);
        var others = new List<ServiceBusReceivedMessage>();
        try
        {
            for (var attempt = 0; attempt < 20; attempt++)
            {
                foreach (var m in await receiver.ReceiveMessagesAsync(10, TimeSpan.FromSeconds(2)))
                {
                    if (m.MessageId == messageId)
                    {
                        await receiver.DeadLetterMessageAsync(m, "DeliveryFailed", "SMTP 550 mailbox unavailable");
                        return messageId;
                    }

                    others.Add(m);
                }
            }
        }
        finally
        {
            foreach (var m in others)
            {
                await receiver.AbandonMessageAsync(m); // other tests' notifications stay for their delivery
            }
        }

        throw new InvalidOperationException($"message {messageId} was not received from notifications/email");
    }
}
