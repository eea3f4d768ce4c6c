namespace Alerts.Compute.IndexSet;

/// <summary>
/// Receives an index field's value in its own type (<see cref="IndexField.Write{TWriter}"/>): how an output that
/// writes many rows (the CLI's JSON and CSV) takes the index set without boxing each value.
/// </summary>
public interface IIndexValueWriter
{
    void Amount(decimal value);

    void Count(int value);

    void Number(double value);

    void Code(string? value);
}
