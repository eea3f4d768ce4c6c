using System.Globalization;

namespace Alerts.Soak;

/// <summary>What one soak run does: how many notifications, kills, subscriptions, and how often each fault is injected.</summary>
public sealed class SoakOptions
{
    public int Notifications { get; set; } = 10_000;

    /// <summary>Times the worker process is killed (SIGKILL) and restarted while it delivers.</summary>
    public int Kills { get; set; } = 20;

    /// <summary>Subscriptions seeded, half email and half Teams (at least 200 by default).</summary>
    public int Subscriptions { get; set; } = 200;

    /// <summary>Seed of every random choice (fault schedules, kill points): the same seed gives the same plan.</summary>
    public int Seed { get; set; } = 20261207;

    /// <summary>Concurrent drains per channel in the worker.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>The run gives up (reporting what is lost) after this long.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromMinutes(40);

    /// <summary>Share of webhook posts and SMTP transactions answered with a transient fault.</summary>
    public double SinkFaultRate { get; set; } = 0.08;

    /// <summary>Share of storage requests failed by the worker's pipeline policy (before or after reaching Azurite).</summary>
    public double StorageFaultRate { get; set; } = 0.01;

    /// <summary>Share of the outcome records (the write after a send) failed before they reach Azurite: each is a lost outcome.</summary>
    public double OutcomeFaultRate { get; set; } = 0.005;

    /// <summary>Mean time between broker connection drops (default 15 s); zero = none (README, "What the soak proved").</summary>
    public TimeSpan DropEvery { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Log of the worker processes (stderr); null = discarded.</summary>
    public string? WorkerLog { get; set; }

    public static SoakOptions Parse(IReadOnlyList<string> args)
    {
        var o = new SoakOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{args[i]} needs a whole number.");
            double Rate() => double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r is >= 0 and < 1 ? r : throw new ArgumentException($"{args[i]} needs a rate from 0 to below 1.");
            switch (args[i])
            {
                case "--notifications": o.Notifications = Int(); break;
                case "--kills": o.Kills = Int(); break;
                case "--subscriptions": o.Subscriptions = Int(); break;
                case "--seed": o.Seed = Int(); break;
                case "--concurrency": o.Concurrency = Int(); break;
                case "--deadline-minutes": o.Deadline = TimeSpan.FromMinutes(Int()); break;
                case "--sink-faults": o.SinkFaultRate = Rate(); break;
                case "--storage-faults": o.StorageFaultRate = Rate(); break;
                case "--outcome-faults": o.OutcomeFaultRate = Rate(); break;
                case "--worker-log": o.WorkerLog = Value(); break;
                case "--drop-seconds": o.DropEvery = TimeSpan.FromSeconds(Int()); break;
                default: throw new ArgumentException($"Unknown option '{args[i]}' (see --help).");
            }
        }

        if (o.Notifications < 1 || o.Kills < 0 || o.Subscriptions < 10 || o.Concurrency < 1)
        {
            throw new ArgumentException("--notifications must be at least 1, --kills not negative, --subscriptions at least 10, --concurrency at least 1.");
        }

        return o;
    }

    public const string Help = """
        dotnet run -c Release --project tests/Alerts.Soak -- [options]
          --notifications N     notifications to deliver (default 10000)
          --kills K             SIGKILLs of the delivery worker, each followed by a restart (default 20)
          --subscriptions S     subscriptions, half email, half Teams (default 200)
          --seed N              seed of the fault schedules and kill points
          --concurrency C       concurrent drains per channel in the worker (default 4)
          --deadline-minutes M  give up after M minutes (default 40)
          --sink-faults R       share of webhook/SMTP answers that are transient faults (default 0.08)
          --storage-faults R    share of the worker's storage requests failed (default 0.01)
          --outcome-faults R    share of outcome records failed between send and record (default 0.005)
          --drop-seconds S      mean seconds between broker connection drops (default 15; 0 = none)
          --worker-log FILE     append the workers' logs to FILE
        Last line: soak: N notifications, N delivered, N lost, N duplicated, N kills, S s
        """;
}
