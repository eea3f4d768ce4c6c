using System.Globalization;

namespace Alerts.Soak.Run;

/// <summary>The outcome of one soak and the lines it prints; the last is the summary the issue asks for.</summary>
public sealed record SoakResult(int Notifications, IReadOnlyList<ChannelTally> Channels, int Kills, int Drops, int Crashes, TimeSpan Elapsed)
{
    public int Delivered => Channels.Sum(c => c.Delivered);

    public int Lost => Channels.Sum(c => c.Lost);

    public int Duplicated => Channels.Sum(c => c.Duplicated);

    public int UnexplainedDuplicates => Channels.Sum(c => c.UnexplainedDuplicates);

    public int ExpectedPermanent => Channels.Sum(c => c.ExpectedPermanent);

    /// <summary>Nothing lost, every duplicate within the guarantee, exactly the expected permanent failures dead-lettered, no stray arrivals.</summary>
    public bool Passed => Lost == 0 && UnexplainedDuplicates == 0 && Channels.All(c => c.DeadLettered == c.ExpectedPermanent && c.Unrecognised == 0);

    public IEnumerable<string> Lines()
    {
        foreach (var c in Channels)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"soak: {c.Channel}: {c.Queued} queued, {c.Delivered} delivered, {c.Lost} lost, {c.Duplicated} duplicated ({c.ExplainedDuplicates} after a lost outcome, as the guarantee allows; {c.UnexplainedDuplicates} unexplained), {c.ExpectedPermanent} expected permanent failures ({c.DeadLettered} dead-lettered), {c.SinkFaults} transient faults answered, {c.Refused} permanent refusals, {c.Unrecognised} unrecognised");
            foreach (var id in c.LostIds.Take(10))
            {
                yield return $"soak: lost {id}";
            }

            foreach (var id in c.UnexplainedIds.Take(10))
            {
                yield return $"soak: unexplained duplicate {id}";
            }
        }

        yield return string.Create(CultureInfo.InvariantCulture, $"soak: {Drops} broker connection drops, {Crashes} worker crashes, {ExpectedPermanent} expected permanent failures (not counted as lost), {(Passed ? "PASSED" : "FAILED")}");
        yield return string.Create(CultureInfo.InvariantCulture, $"soak: {Notifications} notifications, {Delivered} delivered, {Lost} lost, {Duplicated} duplicated, {Kills} kills, {Elapsed.TotalSeconds:0} s");
    }
}
