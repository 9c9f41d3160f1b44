using System.CommandLine;
using AltseasonLive.LoadTest.Cli;

// Load generator for the api (root command) and the in-process silo benchmark (silo-bench).
var root = new RootCommand("AltseasonLive load generator: publishers stream synthetic ticks to the api while SignalR subscribers measure tick-to-client latency.");
LoadCommand.Configure(root);
root.Subcommands.Add(SiloBenchCommand.Create());
root.Subcommands.Add(SoakCommand.Create());
// Ctrl+C ends a load run early; it still drains, closes its connections and prints the summary.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
