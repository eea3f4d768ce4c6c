using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Alerts.Deliver.Email;
using Alerts.Route.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Tests.Serve;

/// <summary><c>PATCH /api/subscriptions/{id}</c> over real HTTP: merge patch, ETag and If-Match, a new target's re-verification, bad input.</summary>
[Collection(PipelineCollection.Name)]
public sealed class SubscriptionPatchTests(ServedApp app) : IClassFixture<ServedApp>
{
    private const string Owner = "owner-patch";

    [Fact]
    public async Task Patch_WithCurrentETag_ChangesOnlyTheGivenMembersAndAStaleETagIs412()
    {
        var (id, address) = await ActiveEmailAsync();
        var (_, etag) = await GetAsync(id);

        using var patched = await PatchAsync(id, """{"name":"Magnets desk","minSeverity":"critical","commodities":["rare-earths"]}""", etag);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var newTag = patched.Headers.ETag?.ToString();
        Assert.NotEqual(etag, newTag);
        var (view, current) = await GetAsync(id);
        Assert.Equal(newTag, current);
        Assert.Equal("Magnets desk", view.GetProperty("name").GetString());
        Assert.Equal("critical", view.GetProperty("filter").GetProperty("minSeverity").GetString());
        Assert.Equal("active", view.GetProperty("status").GetString());

        // The first ETag is stale now: refused, and nothing changes.
        using var stale = await PatchAsync(id, """{"name":"Overwritten"}""", etag);
        await AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Equal("Magnets desk", (await GetAsync(id)).View.GetProperty("name").GetString());

        // null resets a member to its default
        using var reset = await PatchAsync(id, """{"name":null}""", current);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await GetAsync(id)).View.GetProperty("name").ValueKind);
        Assert.Single(app.Stack.Smtp.Messages.Snapshot(), m => m.To.Contains(address));
    }

    [Fact]
    public async Task Patch_NewEmailTarget_RestartsVerificationWithAMailToTheNewAddress()
    {
        var (id, _) = await ActiveEmailAsync();
        var next = $"next-{Guid.NewGuid():N}@example.eu";

        using var patched = await PatchAsync(id, $$"""{"target":"{{next}}"}""", null);

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("pendingVerification", (await GetAsync(id)).View.GetProperty("status").GetString());
        var mail = Assert.Single(app.Stack.Smtp.Messages.Snapshot(), m => m.To.Contains(next));
        Assert.Equal(VerificationMailer.Subject, mail.Subject);
    }

    public static TheoryData<string, string> BadPatches => new()
    {
        // the channel is fixed
        { """{"channel":"teams"}""", "channel" },
        // a value the creation would refuse too
        { """{"minSeverity":"huge"}""", "minSeverity" },
        // a member that does not exist
        { """{"colour":"red"}""", "colour" },
        // a wrong JSON type
        { """{"commodities":"rare-earths"}""", "commodities" },
        // a mute window the creation would refuse, and one that is not an array
        { """{"muteWindows":[{"weekdays":["funday"]}]}""", "muteWindows[0].weekdays[0]" },
        { """{"muteWindows":"nights"}""", "muteWindows" },
    };

    [Theory]
    [MemberData(nameof(BadPatches))]
    public async Task Patch_BadMember_Is400NamingItAndChangesNothing(string body, string field)
    {
        var (id, _) = await ActiveEmailAsync();
        var (before, etag) = await GetAsync(id);

        using var refused = await PatchAsync(id, body, etag);

        await AssertProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), body);
        var (after, unchanged) = await GetAsync(id);
        Assert.Equal(etag, unchanged);
        Assert.Equal(before.ToString(), after.ToString());
    }

    [Fact]
    public async Task Patch_OtherOwnersSubscription_Is404()
    {
        var (id, _) = await ActiveEmailAsync();

        using var request = app.Api(HttpMethod.Patch, $"subscriptions/{id}", "someone-else");
        request.Content = new StringContent("""{"name":"mine now"}""", Encoding.UTF8, "application/merge-patch+json");
        using var response = await app.Client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    private async Task<(string Id, string Address)> ActiveEmailAsync()
    {
        var address = $"patch-{Guid.NewGuid():N}@example.eu";
        using var create = app.Api(HttpMethod.Post, "subscriptions", Owner);
        create.Content = JsonContent.Create(new { channel = "email", target = address });
        using var created = await app.Client.SendAsync(create);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var token = app.Host.Services.GetRequiredService<SubscriptionTokens>()
            .Issue(TokenPurpose.Verify, id, address, app.Host.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(1));
        using var confirmed = await app.Client.PostAsync(new Uri(app.Host.ApiBaseUrl, $"links/subscriptions/{id}/confirm?token={Uri.EscapeDataString(token)}"), null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        return (id, address);
    }

    private async Task<(JsonElement View, string? ETag)> GetAsync(string id)
    {
        using var response = await app.Client.SendAsync(app.Api(HttpMethod.Get, $"subscriptions/{id}", Owner));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(), response.Headers.ETag?.ToString());
    }

    private async Task<HttpResponseMessage> PatchAsync(string id, string body, string? ifMatch)
    {
        using var request = app.Api(HttpMethod.Patch, $"subscriptions/{id}", Owner);
        request.Content = new StringContent(body, Encoding.UTF8, "application/merge-patch+json");
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return await app.Client.SendAsync(request);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
