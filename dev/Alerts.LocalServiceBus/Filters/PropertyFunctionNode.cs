namespace Alerts.LocalServiceBus.Filters;

/// <summary><c>property(name)</c> / <c>p(name)</c>: a property whose name is computed; unknown if the name is not a string.</summary>
internal sealed class PropertyFunctionNode(int position, SqlNode name) : SqlNode(position)
{
    public override object? Evaluate(IFilterableMessage message)
    {
        if (name.Evaluate(message) is not string text || PropertyReference.FromText(text) is not { } reference)
        {
            return null;
        }

        return reference.TryResolve(message, out var value) ? value : null;
    }
}
