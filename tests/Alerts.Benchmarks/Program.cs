// Benchmarks: `dotnet run -c Release --project tests/Alerts.Benchmarks -- <name>`.
// Each benchmark runs the product and its baseline side by side in one run and prints the ratio.
Console.Error.WriteLine("usage: Alerts.Benchmarks <servicebus|parsing|concentration>");
return 2;
