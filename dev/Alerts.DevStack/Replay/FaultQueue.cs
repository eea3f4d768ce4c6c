namespace Alerts.DevStack.Replay;

/// <summary>Injected faults in order; each applies to the next requests its predicate accepts, a set number of times.</summary>
internal sealed class FaultQueue
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];

    public void Add(ReplayFault fault, int times, Func<ReplayRequest, bool> when)
    {
        lock (_gate)
        {
            _entries.Add(new Entry(fault, when) { Remaining = times });
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    /// <summary>Takes one use of the first fault that applies to <paramref name="request"/>, if any.</summary>
    public ReplayFault? Take(ReplayRequest request)
    {
        lock (_gate)
        {
            for (var i = 0; i < _entries.Count; i++)
            {
                var entry = _entries[i];
                if (!entry.When(request))
                {
                    continue;
                }

                if (entry.Remaining != ReplayServer.Unlimited && --entry.Remaining == 0)
                {
                    _entries.RemoveAt(i);
                }

                return entry.Fault;
            }

            return null;
        }
    }

    private sealed class Entry(ReplayFault fault, Func<ReplayRequest, bool> when)
    {
        public ReplayFault Fault { get; } = fault;

        public Func<ReplayRequest, bool> When { get; } = when;

        public int Remaining { get; set; }
    }
}
