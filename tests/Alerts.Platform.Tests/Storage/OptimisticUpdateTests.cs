using Alerts.Platform.Storage;
using Azure;

namespace Alerts.Platform.Tests.Storage;

/// <summary>
/// The one optimistic-update loop, on an in-memory row whose writes lose a race on cue (a table cannot be made to
/// conflict between a given read and write; the stores' own tests cover the loop against Azurite).
/// </summary>
public sealed class OptimisticUpdateTests
{
    private sealed record Row(int Count);

    /// <summary>A row with an ETag per version; the next <paramref name="conflicts"/> writes find another writer's version first.</summary>
    private sealed class RaceRow(Row? initial, int conflicts)
    {
        private int version = initial is null ? 0 : 1;
        private int conflictsLeft = conflicts;

        public Row? Value { get; private set; } = initial;

        public List<ETag?> WrittenAgainst { get; } = [];

        public int Reads { get; private set; }

        public Task<Versioned<Row>?> ReadAsync(CancellationToken _)
        {
            Reads++;
            return Task.FromResult(Value is null ? null : new Versioned<Row>(Value, new ETag($"v{version}")));
        }

        public Task WriteAsync(Row next, ETag? expected, CancellationToken _)
        {
            WrittenAgainst.Add(expected);
            if (conflictsLeft > 0)
            {
                conflictsLeft--;
                Value = new Row((Value?.Count ?? 0) + 100); // the other writer's change
                version++;
                throw new RequestFailedException(expected is null ? 409 : 412, "Condition not met.");
            }

            if (expected != (Value is null ? null : new ETag($"v{version}")))
            {
                throw new InvalidOperationException("The write did not carry the ETag of the row it was computed from.");
            }

            Value = next;
            version++;
            return Task.CompletedTask;
        }
    }

    private static Task<int> IncrementAsync(RaceRow row, int maxAttempts = OptimisticUpdate.DefaultMaxAttempts, Func<int, CancellationToken, Task>? beforeWrite = null) =>
        OptimisticUpdate.RunAsync<Row, int>(
            row.ReadAsync,
            current => new Row((current?.Count ?? 0) + 1) is var next ? new(next, next.Count) : default,
            row.WriteAsync,
            CancellationToken.None,
            beforeWrite,
            maxAttempts);

    [Fact]
    public async Task RunAsync_TwoConflicts_ReappliesOnTheOtherWritersRowWithItsETag()
    {
        var row = new RaceRow(new Row(1), conflicts: 2);

        var result = await IncrementAsync(row);

        Assert.Equal(202, result); // 1, then +100 twice by the other writer, then ours
        Assert.Equal(new Row(202), row.Value);
        Assert.Equal([new ETag("v1"), new ETag("v2"), new ETag("v3")], row.WrittenAgainst);
    }

    [Fact]
    public async Task RunAsync_NoRowAndAnInsertRace_SecondAttemptUpdatesTheRowThatAppeared()
    {
        var row = new RaceRow(null, conflicts: 1);

        Assert.Equal(101, await IncrementAsync(row));
        Assert.Equal([null, new ETag("v1")], row.WrittenAgainst);
    }

    [Fact]
    public async Task RunAsync_ConflictOnEveryAttempt_RethrowsTheLastConflictAfterMaxAttempts()
    {
        var row = new RaceRow(new Row(1), conflicts: 10);

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => IncrementAsync(row, maxAttempts: 3));

        Assert.Equal(412, e.Status);
        Assert.Equal(3, row.WrittenAgainst.Count);
    }

    [Fact]
    public async Task RunAsync_NothingToWrite_ReturnsTheResultWithoutWriting()
    {
        var row = new RaceRow(new Row(7), conflicts: 0);

        var result = await OptimisticUpdate.RunAsync<Row, int>(
            row.ReadAsync, current => new(null, current!.Count), row.WriteAsync, CancellationToken.None);

        Assert.Equal(7, result);
        Assert.Empty(row.WrittenAgainst);
    }

    [Fact]
    public async Task RunAsync_OtherFailure_NotRetried()
    {
        var calls = 0;
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => OptimisticUpdate.RunAsync<Row, int>(
            _ => Task.FromResult<Versioned<Row>?>(null),
            _ => new(new Row(1), 1),
            (_, _, _) => { calls++; throw new RequestFailedException(503, "busy"); },
            CancellationToken.None));

        Assert.Equal((503, 1), (e.Status, calls));
    }

    [Fact]
    public async Task RunAsync_BeforeWrite_RunsOncePerAttemptBeforeItsWrite()
    {
        var row = new RaceRow(new Row(1), conflicts: 1);
        var seen = new List<(int Result, int WritesSoFar)>();

        await IncrementAsync(row, beforeWrite: (result, _) =>
        {
            seen.Add((result, row.WrittenAgainst.Count));
            return Task.CompletedTask;
        });

        Assert.Equal([(2, 0), (102, 1)], seen);
    }
}
