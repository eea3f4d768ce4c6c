namespace Alerts.Route.Grouping;

/// <summary>
/// When a subscription's notifications go out (after Alertmanager's group timers): the first notification of a group
/// waits <see cref="GroupWait"/> so alerts arriving shortly after join it, later changes of the group are sent at most
/// once per <see cref="GroupInterval"/>, across routing runs. With a <see cref="Delivery"/> other than immediate,
/// nothing goes out as it happens: a digest at the scheduled time summarises it.
/// </summary>
public sealed record NotificationTiming(TimeSpan GroupWait, TimeSpan GroupInterval, DeliverySchedule? Delivery = null)
{
    /// <summary>Send at once, every change (the behaviour of subscriptions without timing).</summary>
    public static NotificationTiming Immediate { get; } = new(TimeSpan.Zero, TimeSpan.Zero);

    public bool IsDigest => Delivery is not null;
}

/// <summary>A daily or weekly digest at a local time of day in an IANA time zone.</summary>
/// <param name="Day">For a weekly digest, the weekday; null for a daily one.</param>
public sealed record DeliverySchedule(DeliveryMode Mode, TimeOnly At, string TimeZone, DayOfWeek? Day = null);

public enum DeliveryMode
{
    Daily,
    Weekly,
}
