using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
