using CsCheck;

namespace Cosem.Sdk.Codec.Tests.Support;

/// <summary>
/// Iteration counts for the CsCheck properties. The defaults keep the whole Codec.Tests project at a few seconds;
/// for a longer run set CsCheck's own environment variable, which then applies to every property:
/// <c>CsCheck_Iter=100000 dotnet test tests/Cosem.Sdk.Codec.Tests</c> (or <c>CsCheck_Time=60</c> for seconds per property).
/// A failure prints a seed; replay it with <c>CsCheck_Seed=...</c>.
/// </summary>
internal static class PropertyRuns
{
    private static readonly bool Overridden =
        Environment.GetEnvironmentVariable("CsCheck_Iter") is not null || Environment.GetEnvironmentVariable("CsCheck_Time") is not null;

    /// <summary>Round-trips of generated values (each a few microseconds).</summary>
    public static long RoundTrip => Iter(2_000);

    /// <summary>Decoding arbitrary or mutated bytes.</summary>
    public static long Robustness => Iter(10_000);

    /// <summary><paramref name="count"/>, unless CsCheck_Iter / CsCheck_Time is set, in which case CsCheck's value.</summary>
    public static long Iter(long count) => Overridden ? Check.Iter : count;
}
