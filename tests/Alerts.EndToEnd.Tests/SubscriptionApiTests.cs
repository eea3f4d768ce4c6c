using System.Text.Json;
using Alerts.Compute.Store;
using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.Deliver.Teams;
using Alerts.Evaluate.Lifecycle;
using Alerts.Functions.Route;
using Alerts.Platform.Secrets;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Route.NotificationLog;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Pipeline;
using Microsoft.AspNetCore.Mvc;

namespace Alerts.EndToEnd.Tests;

/// <summary><c>/api/subscriptions</c> on Azurite: RFC 9457 problems naming each bad field, and callers see only their own.</summary>
[Collection(PipelineCollection.Name)]
public sealed class SubscriptionApiTests(PipelineStack p) : IClassFixture<PipelineStack>
{
    private SubscriptionFunctions Api => p.Function<SubscriptionFunctions>();

    public static TheoryData<string, string[]> InvalidBodies => new()
    {
        { "{}", ["channel", "target"] }, // nothing given
        { """{"channel":"sms","target":"x"}""", ["channel"] }, // unknown channel
        { """{"channel":"email","target":"not-an-address"}""", ["target"] }, // bad address
        { """{"channel":"teams","target":"http://evil.example/hook"}""", ["target"] }, // not https, host not allowed
        { """{"channel":"email","target":"a@example.eu","minSeverity":"loud","repeatInterval":"often"}""", ["minSeverity", "repeatInterval"] }, // several bad fields at once
        { """{"channel":"email","target":"a@example.eu","groupBy":"planet"}""", ["groupBy"] }, // unknown grouping
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Create_InvalidFields_ProblemDetailsNameEachField(string body, string[] fields)
    {
        var result = await Api.CreateSubscription(PipelineStack.Request("POST", "/api/subscriptions", body, "team-a"), CancellationToken.None);

        var problem = Assert.IsType<ValidationProblemDetails>(Assert.IsType<ObjectResult>(result).Value);
        Assert.Equal(400, problem.Status);
        Assert.Contains("application/problem+json", ((ObjectResult)result).ContentTypes);
        Assert.Equal(fields.Order(StringComparer.Ordinal), problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("evil.example/hook", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"channel\": ", "line 1")] // truncated JSON
    [InlineData("{\"channel\": \"email\", \"commodities\": \"rare-earths\"}", "$.commodities")] // wrong type
    public async Task Create_MalformedJson_ProblemSaysWhere(string body, string where)
    {
        var result = await Api.CreateSubscription(PipelineStack.Request("POST", "/api/subscriptions", body, "team-a"), CancellationToken.None);

        var problem = Assert.IsType<ProblemDetails>(Assert.IsType<ObjectResult>(result).Value);
        Assert.Equal(400, problem.Status);
        Assert.Contains(where, problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_NoCallerIdentity_Unauthorized()
    {
        var result = await Api.CreateSubscription(PipelineStack.Request("POST", "/api/subscriptions", "{}", owner: null), CancellationToken.None);

        Assert.Equal(401, Assert.IsType<ProblemDetails>(Assert.IsType<ObjectResult>(result).Value).Status);
    }

    [Fact]
    public async Task Get_OtherOwnersSubscription_NotFoundAndNotListed()
    {
        var body = JsonSerializer.Serialize(new { channel = "email", target = "analyst@example.eu", commodities = new[] { "850511" } });
        var created = Assert.IsType<CreatedResult>(await Api.CreateSubscription(PipelineStack.Request("POST", "/api/subscriptions", body, "team-a"), CancellationToken.None));
        var view = Assert.IsType<SubscriptionView>(created.Value);
        Assert.DoesNotContain("analyst@", view.Target, StringComparison.Ordinal); // the target is never echoed in full

        var own = await Api.GetSubscription(PipelineStack.Request("GET", $"/api/subscriptions/{view.Id}", null, "team-a"), view.Id, CancellationToken.None);
        var other = await Api.GetSubscription(PipelineStack.Request("GET", $"/api/subscriptions/{view.Id}", null, "team-b"), view.Id, CancellationToken.None);
        var otherList = await Api.ListSubscriptions(PipelineStack.Request("GET", "/api/subscriptions", null, "team-b"), CancellationToken.None);
        var otherDelete = await Api.DeleteSubscription(PipelineStack.Request("DELETE", $"/api/subscriptions/{view.Id}", null, "team-b"), view.Id, CancellationToken.None);

        Assert.Equal(view.Id, Assert.IsType<SubscriptionView>(Assert.IsType<OkObjectResult>(own).Value).Id);
        Assert.Equal(404, Assert.IsType<ProblemDetails>(Assert.IsType<ObjectResult>(other).Value).Status);
        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyList<SubscriptionView>>(Assert.IsType<OkObjectResult>(otherList).Value));
        Assert.Equal(404, Assert.IsType<ProblemDetails>(Assert.IsType<ObjectResult>(otherDelete).Value).Status);

        Assert.IsType<NoContentResult>(await Api.DeleteSubscription(PipelineStack.Request("DELETE", $"/api/subscriptions/{view.Id}", null, "team-a"), view.Id, CancellationToken.None));
        Assert.IsType<ObjectResult>(await Api.GetSubscription(PipelineStack.Request("GET", $"/api/subscriptions/{view.Id}", null, "team-a"), view.Id, CancellationToken.None));
    }
    [Fact]
    public async Task Delete_PausedSubscription_RemovesItsDeliveryHealthToo()
    {
        var body = JsonSerializer.Serialize(new { channel = "email", target = "paused@example.eu" });
        var created = Assert.IsType<CreatedResult>(await Api.CreateSubscription(PipelineStack.Request("POST", "/api/subscriptions", body, "team-p"), CancellationToken.None));
        var id = Assert.IsType<SubscriptionView>(created.Value).Id;
        var health = p.Pipeline.Get<EndpointHealthStore>();
        await health.UpdateAsync(id, _ => new EndpointHealth(3, p.Clock.GetUtcNow(), "paused after 3 consecutive permanent delivery failures"), CancellationToken.None);
        var shown = Assert.IsType<OkObjectResult>(await Api.GetSubscription(PipelineStack.Request("GET", $"/api/subscriptions/{id}", null, "team-p"), id, CancellationToken.None));
        Assert.True(Assert.IsType<SubscriptionView>(shown.Value).Paused);

        Assert.IsType<NoContentResult>(await Api.DeleteSubscription(PipelineStack.Request("DELETE", $"/api/subscriptions/{id}", null, "team-p"), id, CancellationToken.None));

        // A subscription created again under the same id would not start paused.
        Assert.Equal(EndpointHealth.Healthy, await health.GetAsync(id, CancellationToken.None));
    }
}
