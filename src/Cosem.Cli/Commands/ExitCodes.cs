namespace Cosem.Cli.Commands;

/// <summary>The exit codes every <c>cosem</c> command uses.</summary>
public static class ExitCodes
{
    /// <summary>Everything was done or read.</summary>
    public const int Success = 0;

    /// <summary>Nothing could be done or read: the meter cannot be reached, refuses, or the input cannot be translated.</summary>
    public const int Failed = 1;

    /// <summary>A usage error: unknown option, bad value, missing or conflicting arguments.</summary>
    public const int Usage = 2;

    /// <summary><c>cosem read</c> read some attributes and some failed (each failure is in the output).</summary>
    public const int Partial = 3;
}
