namespace Alerts.LocalServiceBus.Filters;

/// <summary>A node of a parsed SQL filter; evaluation yields a value, with null meaning NULL or unknown.</summary>
internal abstract class SqlNode(int position)
{
    /// <summary>Offset of the node's first token, for error messages.</summary>
    public int Position { get; } = position;

    /// <summary>Whether the node can stand as a condition (AND/OR/NOT operand, the whole filter).</summary>
    public virtual bool CanBeCondition => true;

    public abstract object? Evaluate(IFilterableMessage message);
}
