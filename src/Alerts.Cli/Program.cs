return await Alerts.Cli.CommandLine.RunAsync(args);
