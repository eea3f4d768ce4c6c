using Alerts.Route.Silences;
using Alerts.TestKit.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Route.Tests.Silences;

/// <summary>Expired silences stay readable for the retention period, then the purge deletes them (Azurite, fake clock).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SilenceRetentionTests(AzuriteFixture azurite)
{
    private const string Owner = "aad|alice";

    [Fact]
    public async Task ExpiredSilence_ShownExpiredWithinRetention_ThenHiddenAndDeletedByThePurge()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));
        var store = new SilenceStore(await azurite.CreateAccountAsync());
        var limits = Options.Create(new SilenceLimitOptions { ExpiredRetention = TimeSpan.FromDays(5) });
        var retention = new SilenceRetention(store, limits, clock, NullLogger<SilenceRetention>.Instance);
        var service = new SilenceService(store, new SilenceProvider(Options.Create(new ConfiguredSilences()), store), limits, retention, clock);
        var now = clock.GetUtcNow();
        await store.CreateAsync(Silence("s-ended", now, now.AddHours(1)), CancellationToken.None);
        await store.CreateAsync(Silence("s-long", now, now.AddDays(30)), CancellationToken.None);

        clock.Advance(TimeSpan.FromDays(5)); // ended 4 days 23 hours ago: kept
        Assert.Equal(0, await retention.PurgeAsync(CancellationToken.None));
        Assert.Equal(SilenceStatuses.Expired, (await service.GetAsync(Owner, "s-ended", CancellationToken.None))!.Status);
        Assert.Contains(await service.ListAsync(Owner, CancellationToken.None), v => v.Id == "s-ended");

        clock.Advance(TimeSpan.FromHours(1)); // exactly the retention since it ended: gone for callers at once
        Assert.Null(await service.GetAsync(Owner, "s-ended", CancellationToken.None));
        Assert.DoesNotContain(await service.ListAsync(Owner, CancellationToken.None), v => v.Id == "s-ended");
        Assert.NotNull(await store.FindAsync("s-ended", CancellationToken.None)); // until the purge runs

        Assert.Equal(1, await retention.PurgeAsync(CancellationToken.None));
        Assert.Null(await store.FindAsync("s-ended", CancellationToken.None));
        Assert.Equal(SilenceStatuses.Active, (await service.GetAsync(Owner, "s-long", CancellationToken.None))!.Status);
        Assert.Equal(0, await retention.PurgeAsync(CancellationToken.None));
    }

    private static Silence Silence(string id, DateTimeOffset from, DateTimeOffset to) =>
        new(id, [new SilenceMatcher(SilenceMatcherNames.Product, "85051110")], from, to, SilenceScope.Owner, Owner, CreatedAt: from);
}
