using System.Globalization;
using Alerts.Pull.Statistics.Parsing;

namespace Alerts.Pull.Statistics.JsonStat;

/// <summary>
/// Merges the indicators of one cell (quantity and value) into one observation with a bounded buffer. The
/// cells that differ only in their indicator lie in one block of the cell order: indicators x the stride of the
/// dimensions after <c>indicators</c> (Eurostat: 2 x the number of periods). One slot per stride position is
/// kept for the current block and the block is drained when the cell index moves past it. Within a block any
/// key order works; a key in an earlier, drained block is an error (sparse keys must ascend block by block,
/// which Eurostat's ascending keys do), because merging it would need the whole cube in memory.
/// A stride wider than the reader's slots is merged a window of stride positions at a time (<see cref="MergeWindow"/>),
/// one pass over <c>value</c> per window, so the buffer never outgrows the slots whatever the payload's size.
/// </summary>
internal sealed class IndicatorMerger
{
    private readonly JsonStatCube _cube;
    private readonly PayloadErrors _errors;
    private readonly long _stride;
    private readonly long _blockSize;
    private readonly MergeWindow _window;
    private readonly List<int> _touched = [];
    private Slot[] _slots;
    private bool _touchedAscending = true;
    private long _block = -1;
    private long _lastIndex = -1;

    public IndicatorMerger(JsonStatCube cube, PayloadErrors errors, MergeWindow window)
    {
        _cube = cube;
        _errors = errors;
        _stride = cube.IndicatorStride;
        _blockSize = cube.IndicatorStride * cube.IndicatorCount;
        _window = window;
        // Grown on demand up to the window: a hostile size list alone must not allocate the whole window.
        _slots = new Slot[(int)Math.Min(window.Length, 1024)];
    }

    /// <summary>Whether the cell at <paramref name="index"/> is merged in this pass (its stride position is in the window).</summary>
    public bool Takes(long index) => _window.Contains(index % _stride);

    /// <summary>
    /// True when the cell at <paramref name="index"/> belongs to a later block than the buffered one, so
    /// <see cref="Drain"/> must run before <see cref="Add"/>. Throws for a key of an earlier block.
    /// </summary>
    public bool Leaves(long index, bool dense)
    {
        var block = index / _blockSize;
        if (block == _block)
        {
            return false;
        }

        if (block < _block)
        {
            throw _errors.At(JsonStatCube.CellPath(index, dense), string.Create(CultureInfo.InvariantCulture,
                $"key {index} comes after key {_lastIndex}: sparse keys must be in ascending order (as Eurostat writes them), at least per block of {_blockSize} cells, so the indicators of a cell can be merged without holding the whole cube"));
        }

        return _touched.Count > 0;
    }

    /// <summary>Adds one figure; the caller has drained when <see cref="Leaves"/> said so.</summary>
    public void Add(long index, int kind, decimal amount, bool dense)
    {
        _block = index / _blockSize;
        _lastIndex = index;
        var slot = (int)(index % _stride - _window.First);
        if (slot >= _slots.Length)
        {
            Array.Resize(ref _slots, (int)Math.Min(_window.Length, Math.Max(slot + 1L, _slots.Length * 2L)));
        }

        ref var cell = ref _slots[slot];
        if (!cell.HasQuantity && !cell.HasValue)
        {
            if (_touched.Count > 0 && slot < _touched[^1])
            {
                _touchedAscending = false;
            }

            _touched.Add(slot);
        }

        if (kind == JsonStatCube.Quantity ? cell.HasQuantity : cell.HasValue)
        {
            throw _errors.At(JsonStatCube.CellPath(index, dense), "the same cell is given twice");
        }

        if (kind == JsonStatCube.Quantity)
        {
            cell.QuantityKg = amount;
            cell.HasQuantity = true;
        }
        else
        {
            cell.Value = amount;
            cell.HasValue = true;
        }
    }

    /// <summary>Yields the buffered block's observations in cell order and empties the buffer.</summary>
    public IEnumerable<TradeObservation> Drain()
    {
        if (!_touchedAscending)
        {
            _touched.Sort();
        }

        var start = _block * _blockSize + _window.First;
        foreach (var slot in _touched)
        {
            ref var cell = ref _slots[slot];
            var observation = _cube.Observation(start + slot, cell.HasQuantity ? cell.QuantityKg : null, cell.HasValue ? cell.Value : null);
            cell = default;
            yield return observation;
        }

        _touched.Clear();
        _touchedAscending = true;
    }

    private struct Slot
    {
        public decimal QuantityKg;
        public decimal Value;
        public bool HasQuantity;
        public bool HasValue;
    }
}
