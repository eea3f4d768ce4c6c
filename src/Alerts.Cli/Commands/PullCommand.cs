namespace Alerts.Cli.Commands;

/// <summary>Placeholder until the source clients land.</summary>
public static class PullCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        stderr.WriteLine("alerts pull: not available yet");
        return Task.FromResult(2);
    }
}
