using Alerts.Soak;
using Alerts.Soak.Run;
using Alerts.Soak.Worker;

if (args is ["--worker"])
{
    return await SoakWorker.RunAsync();
}

if (args.Contains("--help"))
{
    Console.WriteLine(SoakOptions.Help);
    return 0;
}

SoakOptions options;
try
{
    options = SoakOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
var result = await new SoakRunner(options, Console.Out).RunAsync(stop.Token);
foreach (var line in result.Lines())
{
    Console.WriteLine(line);
}

return result.Passed ? 0 : 1;
