namespace Alerts.DevStack;

/// <summary>
/// A thread-safe, append-only record of what a local server received, which tests can wait on.
/// </summary>
public sealed class ReceivedLog<T>
{
    private readonly Lock _gate = new();
    private readonly List<T> _items = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    /// <summary>How many items were received so far.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>A copy of the items received so far, oldest first.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return [.. _items];
        }
    }

    /// <summary>Forgets everything received so far (for tests sharing one server).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _items.Clear();
        }
    }

    internal void Add(T item)
    {
        List<TaskCompletionSource> ready = [];
        lock (_gate)
        {
            _items.Add(item);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_items.Count >= _waiters[i].Count)
                {
                    ready.Add(_waiters[i].Signal);
                    _waiters.RemoveAt(i);
                }
            }
        }

        // Completed outside the lock: continuations run asynchronously anyway, but this keeps Add cheap.
        foreach (var signal in ready)
        {
            signal.TrySetResult();
        }
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> items were received, then returns them all.
    /// Throws <see cref="TimeoutException"/> saying how many arrived when <paramref name="timeout"/> passes first.
    /// </summary>
    public async Task<IReadOnlyList<T>> WaitForCountAsync(int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (_items.Count >= count)
            {
                return [.. _items];
            }

            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
        }

        try
        {
            await signal.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Signal == signal);
            }

            throw new TimeoutException($"Expected {count} {typeof(T).Name} item(s) within {timeout}, received {Count}.");
        }

        return Snapshot();
    }
}
