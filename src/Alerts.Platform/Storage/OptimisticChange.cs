namespace Alerts.Platform.Storage;

/// <summary>What an apply of <see cref="OptimisticUpdate"/> decided: the value to write (null: nothing) and what to return.</summary>
public readonly record struct OptimisticChange<T, TResult>(T? Next, TResult Result)
    where T : class;
