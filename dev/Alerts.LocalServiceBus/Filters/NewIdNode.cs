namespace Alerts.LocalServiceBus.Filters;

/// <summary><c>newid()</c>: a fresh GUID per evaluation, as Service Bus does.</summary>
internal sealed class NewIdNode(int position) : SqlNode(position)
{
    public override bool CanBeCondition => false;

    public override object? Evaluate(IFilterableMessage message) => Guid.NewGuid();
}
