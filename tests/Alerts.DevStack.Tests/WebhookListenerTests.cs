using System.Net;
using System.Text;
using System.Text.Json;
using Alerts.DevStack.Webhooks;

namespace Alerts.DevStack.Tests;

public sealed class WebhookListenerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Post_ScriptedServerErrorThenOk_AnswersInOrderAndRecordsBoth()
    {
        await using var listener = await WebhookListener.StartAsync();
        listener.Enqueue([WebhookResponse.ServerError(), WebhookResponse.Ok()]);
        using var http = new HttpClient();

        using var first = await http.PostAsync(listener.UrlFor("teams/ops"), Json("{\"type\":\"message\"}"));
        using var second = await http.PostAsync(listener.UrlFor("teams/ops"), Json("{\"type\":\"message\"}"));

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var requests = await listener.Requests.WaitForCountAsync(2, Wait);
        Assert.Equal([500, 200], requests.Select(r => r.Status));
        Assert.All(requests, r => Assert.Equal("/teams/ops", r.Path));
        Assert.Equal("{\"type\":\"message\"}", requests[0].Body);
        Assert.StartsWith("application/json", requests[0].Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TooManyRequests_HttpClientSeesRetryAfterSeconds()
    {
        await using var listener = await WebhookListener.StartAsync();
        listener.Enqueue(WebhookResponse.TooManyRequests(TimeSpan.FromSeconds(7)));
        using var http = new HttpClient();

        using var response = await http.PostAsync(listener.UrlFor("hook"), Json("{}"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
    }

    [Theory]
    // no script: the default answer
    [InlineData(null, 200)]
    // Workflows' usual answer
    [InlineData("accepted", 202)]
    // throttled
    [InlineData("throttled", 429)]
    // transient failure
    [InlineData("error", 500)]
    // webhook deleted
    [InlineData("gone", 404)]
    public async Task Post_ScriptedResponse_AnswersItsStatus(string? scripted, int expected)
    {
        await using var listener = await WebhookListener.StartAsync();
        var response = scripted switch
        {
            "accepted" => WebhookResponse.Accepted(),
            "throttled" => WebhookResponse.TooManyRequests(TimeSpan.FromSeconds(1)),
            "error" => WebhookResponse.ServerError(),
            "gone" => WebhookResponse.NotFound(),
            _ => null,
        };
        if (response is not null)
        {
            listener.Enqueue(response);
        }

        using var http = new HttpClient();
        using var answer = await http.PostAsync(listener.UrlFor("x"), Json("{}"));

        Assert.Equal(expected, (int)answer.StatusCode);
    }

    [Fact]
    public async Task Enqueue_ForOnePath_OtherPathsGetTheDefault()
    {
        await using var listener = await WebhookListener.StartAsync();
        listener.Enqueue(WebhookResponse.NotFound(), "teams/deleted");
        using var http = new HttpClient();

        using var other = await http.PostAsync(listener.UrlFor("teams/live"), Json("{}"));
        using var scripted = await http.PostAsync(listener.UrlFor("teams/deleted"), Json("{}"));

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, scripted.StatusCode);
    }

    [Fact]
    public async Task Post_WithCaptureDirectory_WritesJsonWithEmbeddedBody()
    {
        var capture = Directory.CreateTempSubdirectory("webhook-capture-").FullName;
        try
        {
            await using var listener = await WebhookListener.StartAsync(new WebhookListenerOptions { CaptureDirectory = capture });
            using var http = new HttpClient();

            using var _ = await http.PostAsync(listener.UrlFor("teams/ops"), Json("{\"type\":\"message\",\"attachments\":[]}"));
            await listener.Requests.WaitForCountAsync(1, Wait);

            var file = Assert.Single(Directory.GetFiles(capture, "*.json"));
            using var saved = JsonDocument.Parse(await File.ReadAllTextAsync(file));
            Assert.Equal("/teams/ops", saved.RootElement.GetProperty("path").GetString());
            Assert.Equal(200, saved.RootElement.GetProperty("status").GetInt32());
            Assert.Equal("message", saved.RootElement.GetProperty("body").GetProperty("type").GetString());
        }
        finally
        {
            Directory.Delete(capture, recursive: true);
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
