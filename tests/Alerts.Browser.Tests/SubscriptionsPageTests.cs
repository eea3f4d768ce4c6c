using System.Net.Http.Json;
using System.Text.Json;
using Alerts.Cli.Serve;
using Alerts.Functions.Http.Identity;
using Microsoft.Playwright;

namespace Alerts.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SubscriptionsPageTests(BrowserApp app)
{
    [Fact]
    public async Task Subscriptions_RejectedWithTheApisMessages_ThenCreatedPausedAndResumed()
    {
        const string user = "subscriber-1";
        var (page, errors) = await app.PageAsync(user);
        await page.GotoAsync(app.Url("/subscriptions"));
        Assert.Contains("no subscriptions yet", await page.Locator("main").InnerTextAsync());

        // Rejected: the same messages as the API's problem details for the same input.
        await page.Locator("#f-channel").SelectOptionAsync("email");
        await page.Locator("#f-target").FillAsync("not-an-address");
        await page.Locator("#f-minSeverity").FillAsync("loud");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create subscription" }).ClickAsync();
        var summary = page.Locator("#form-errors");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        var apiErrors = await ApiErrorsAsync(user, new { channel = "email", target = "not-an-address", minSeverity = "loud" });
        Assert.Contains("target", apiErrors.Keys);
        Assert.Contains("minSeverity", apiErrors.Keys);
        foreach (var message in apiErrors.Values.SelectMany(m => m))
        {
            Assert.Contains(message, await summary.InnerTextAsync());
        }

        Assert.Equal("true", await page.Locator("#f-target").GetAttributeAsync("aria-invalid"));
        Assert.Equal("not-an-address", await page.Locator("#f-target").InputValueAsync()); // what was typed stays
        await PageChecks.AssertAccessibleAsync(page);
        await app.ScreenshotAsync(page, "subscriptions-rejected");

        // Accepted: a Teams channel (active at creation), submitted from the keyboard.
        await page.Locator("#f-channel").SelectOptionAsync("teams");
        await page.Locator("#f-name").FillAsync("Magnets <team>");
        await page.Locator("#f-minSeverity").FillAsync("warning");
        await page.Locator("#f-commodities").FillAsync("rare-earths");
        await page.Locator("#f-target").FillAsync(app.Stack.Webhooks.UrlFor("/workflows/browser-tests").ToString());
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**notice=created**");
        var row = page.Locator("#subscriptions tbody tr");
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains("Magnets <team>", await row.Locator("th").InnerTextAsync()); // escaped, shown as typed
        Assert.Equal("active", await row.Locator(".state").InnerTextAsync());

        await row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Pause") }).ClickAsync();
        await page.WaitForURLAsync("**notice=paused**");
        Assert.Equal("paused", await page.Locator("#subscriptions tbody tr .state").InnerTextAsync());
        Assert.Contains("paused by the owner", await page.Locator("#subscriptions tbody tr").InnerTextAsync());

        await page.Locator("#subscriptions tbody tr").GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Resume") }).ClickAsync();
        await page.WaitForURLAsync("**notice=resumed**");
        Assert.Equal("active", await page.Locator("#subscriptions tbody tr .state").InnerTextAsync());
        await PageChecks.AssertAccessibleAsync(page);
        await app.ScreenshotAsync(page, "subscriptions");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Subscriptions_PostWithoutTheFormToken_ChangesNothing()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, app.Host.WebUrl + "/subscriptions")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["channel"] = "email", ["target"] = "someone@example.eu" }),
        };
        foreach (var (name, value) in ClientPrincipalHeader.Create("aad", "forged-form"))
        {
            request.Headers.Add(name, value);
        }

        var response = await http.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await ApiListAsync("forged-form"));
    }

    private async Task<Dictionary<string, string[]>> ApiErrorsAsync(string user, object body)
    {
        using var http = new HttpClient();
        using var request = Api(HttpMethod.Post, "subscriptions", user);
        request.Content = JsonContent.Create(body);
        var response = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    private async Task<JsonElement[]> ApiListAsync(string user)
    {
        using var http = new HttpClient();
        using var request = Api(HttpMethod.Get, "subscriptions", user);
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
    }

    private HttpRequestMessage Api(HttpMethod method, string path, string user)
    {
        var request = new HttpRequestMessage(method, new Uri(app.Host.ApiBaseUrl, path));
        request.Headers.Add(FunctionKeys.HeaderName, app.Host.Keys.FunctionKey);
        foreach (var (name, value) in ClientPrincipalHeader.Create("aad", user))
        {
            request.Headers.Add(name, value);
        }

        return request;
    }
}
