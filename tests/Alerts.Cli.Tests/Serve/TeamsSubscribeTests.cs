using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alerts.DevStack.Webhooks;

namespace Alerts.Cli.Tests.Serve;

/// <summary>
/// <c>POST /api/subscriptions</c> for Teams over real HTTP against the local webhook listener: a test card first; taken,
/// the subscription is active and its card links back to it; refused, a 422 problem says what the webhook answered without
/// ever echoing the URL, and nothing is stored.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class TeamsSubscribeTests(ServedApp app) : IClassFixture<ServedApp>
{
    private const string Owner = "owner-teams-create";

    [Fact]
    public async Task Create_WebhookTakesTheTestCard_ActiveAndTheCardLinksToTheSubscription()
    {
        var path = $"workflows/{Guid.NewGuid():N}";
        using var created = await CreateAsync(app.Stack.Webhooks.UrlFor(path + "?sig=s3cr3t-signature").ToString());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = view.GetProperty("id").GetString()!;
        Assert.Equal("active", view.GetProperty("status").GetString());
        var card = Assert.Single(app.Stack.Webhooks.Requests.Snapshot(), r => r.Path.Contains(path, StringComparison.Ordinal));
        Assert.Contains("TEST\\\\] Test notification of your alert subscription", card.Body, StringComparison.Ordinal);
        Assert.Contains($"/api/web/subscriptions/{id}/edit", card.Body, StringComparison.Ordinal);
        Assert.Contains("Manage", card.Body, StringComparison.Ordinal);

        using var history = await app.Client.SendAsync(app.Api(HttpMethod.Get, $"subscriptions/{id}/deliveries", Owner));
        var kinds = (await history.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("kind").GetString());
        Assert.Equal(["confirmed", "subscribed"], kinds);
    }

    [Theory]
    // the workflow was deleted
    [InlineData(404)]
    // the URL's signature is wrong
    [InlineData(401)]
    // Teams is down: still refused, the owner tries again later
    [InlineData(500)]
    public async Task Create_WebhookRefusesTheTestCard_422NamingTheAnswerWithoutTheUrlAndNothingStored(int status)
    {
        var path = $"workflows/{Guid.NewGuid():N}";
        var url = app.Stack.Webhooks.UrlFor(path + "?sig=s3cr3t-signature").ToString();
        app.Stack.Webhooks.Enqueue(new WebhookResponse(status, $"refused at {url}"), "/" + path);
        var before = await CountAsync();

        using var refused = await CreateAsync(url);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var text = await refused.Content.ReadAsStringAsync();
        var detail = JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()!;
        Assert.Contains($"HTTP {status}", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", text, StringComparison.Ordinal);
        Assert.DoesNotContain(path, text, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    private async Task<HttpResponseMessage> CreateAsync(string webhook)
    {
        using var create = app.Api(HttpMethod.Post, "subscriptions", Owner);
        create.Content = JsonContent.Create(new { channel = "teams", target = webhook });
        return await app.Client.SendAsync(create);
    }

    private async Task<int> CountAsync()
    {
        using var list = await app.Client.SendAsync(app.Api(HttpMethod.Get, "subscriptions", Owner));
        return (await list.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength();
    }
}
