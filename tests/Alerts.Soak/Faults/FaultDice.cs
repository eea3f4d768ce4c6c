namespace Alerts.Soak.Faults;

/// <summary>A seeded, thread-safe source of the soak's random choices: the same seed gives the same sequence of draws.</summary>
public sealed class FaultDice(int seed)
{
    private readonly Random random = new(seed);
    private readonly Lock gate = new();

    /// <summary>A number in [0, 1).</summary>
    public double Next()
    {
        lock (gate)
        {
            return random.NextDouble();
        }
    }

    /// <summary>A whole number in [min, max).</summary>
    public int Next(int min, int max)
    {
        lock (gate)
        {
            return random.Next(min, max);
        }
    }
}
