using Alerts.Cli.Commands;

namespace Alerts.Cli;

/// <summary>Dispatches <c>alerts &lt;command&gt;</c> to its command.</summary>
internal static class CommandLine
{
    public static Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: alerts <demo|devstack|indices|pull> [options]");
            return Task.FromResult(2);
        }

        switch (args[0])
        {
            case "demo":
                return DemoCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None);
            case "devstack":
                return DevStackCommand.RunAsync(args[1..]);
            case "indices":
                return IndicesCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None);
            case "pull":
                return PullCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None);
        }

        Console.Error.WriteLine($"alerts: unknown command '{args[0]}'");
        return Task.FromResult(2);
    }
}
