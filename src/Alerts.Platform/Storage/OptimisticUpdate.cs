using Azure;

namespace Alerts.Platform.Storage;

/// <summary>
/// Read, apply, write conditionally on the ETag read, and start again from the new row when another writer got
/// there first (HTTP 409 on an insert, 412 on an update, or a <see cref="StorageConflictException"/> from the
/// write). The one place for this loop, so every store retries the same way and gives up after the same bound.
/// </summary>
public static class OptimisticUpdate
{
    /// <summary>Attempts before the last conflict is rethrown.</summary>
    public const int DefaultMaxAttempts = 5;

    /// <param name="read">The stored value with its ETag, or null when there is no row.</param>
    /// <param name="apply">The change on the value read (null: no row); <see cref="OptimisticChange{T, TResult}.Next"/>
    /// null means nothing to write, and its result is returned at once.</param>
    /// <param name="write">Writes the value; the ETag is the one read (null: the row must not exist yet).</param>
    /// <param name="beforeWrite">Runs after each apply that changes something, before its write (e.g. publish the
    /// events of the change, so a crash before the write re-publishes them under the same ids).</param>
    /// <returns>The result of the apply whose write succeeded, or of the first apply that changed nothing.</returns>
    /// <exception cref="StorageConflictException">Or the <see cref="RequestFailedException"/> of the last conflicting write,
    /// when all <paramref name="maxAttempts"/> attempts conflicted.</exception>
    public static async Task<TResult> RunAsync<T, TResult>(
        Func<CancellationToken, Task<Versioned<T>?>> read,
        Func<T?, OptimisticChange<T, TResult>> apply,
        Func<T, ETag?, CancellationToken, Task> write,
        CancellationToken cancellationToken,
        Func<TResult, CancellationToken, Task>? beforeWrite = null,
        int maxAttempts = DefaultMaxAttempts)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(apply);
        ArgumentNullException.ThrowIfNull(write);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        for (var attempt = 1; ; attempt++)
        {
            var current = await read(cancellationToken).ConfigureAwait(false);
            var change = apply(current?.Value);
            if (change.Next is not { } next)
            {
                return change.Result;
            }

            if (beforeWrite is not null)
            {
                await beforeWrite(change.Result, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                await write(next, current?.ETag, cancellationToken).ConfigureAwait(false);
                return change.Result;
            }
            catch (Exception e) when (IsConflict(e) && attempt < maxAttempts)
            {
                // Another writer stored first: its row is the new truth, apply to that.
            }
        }
    }

    /// <summary>A conditional write that lost a race: the row changed (412) or appeared (409) since it was read.</summary>
    public static bool IsConflict(Exception e) =>
        e is StorageConflictException or RequestFailedException { Status: 409 or 412 };
}
