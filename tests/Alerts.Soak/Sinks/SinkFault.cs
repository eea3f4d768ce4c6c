using Alerts.Soak.Faults;

namespace Alerts.Soak.Sinks;

/// <summary>The answer a fault-injecting sink gives one request, drawn from the soak's seeded dice.</summary>
public enum SinkFault
{
    None,
    Slow,
    Throttled,
    ServerError,
    Unavailable,
    Hang,
    Reset,
}

public static class SinkFaults
{
    /// <summary>One draw: a transient fault with probability <paramref name="rate"/> (kinds equally likely), else a normal or slow answer.</summary>
    public static SinkFault Draw(FaultDice dice, double rate)
    {
        ArgumentNullException.ThrowIfNull(dice);
        var x = dice.Next();
        if (x >= rate)
        {
            return x >= 1 - rate ? SinkFault.Slow : SinkFault.None;
        }

        return (SinkFault)(2 + (int)(x / rate * 5));
    }
}
