namespace AltseasonLive.Silo.Cli;

/// <summary>A user error (bad option value, unknown symbol): its message is printed without a stack trace, exit code 2.</summary>
public sealed class CliException(string message) : Exception(message);
