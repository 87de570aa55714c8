using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Client;

/// <summary>
/// Checks the deviation of a COSEM date-time against the Blue Book (§4.1.6.1: minutes from local time to UTC,
/// −720..720, or 0x8000 for "not specified"). Real zones are whole quarter hours, so anything else is a meter's
/// deviation worth a warning; the value itself is kept as received.
/// </summary>
public static class DateTimeDeviation
{
    private const int MaxDeviation = 720;
    private const int Quarter = 15;

    /// <summary>What is irregular about <paramref name="value"/>'s deviation, or null when nothing is.</summary>
    public static string? Describe(CosemDateTime value)
    {
        if (value.Deviation is not { } deviation)
        {
            return null;
        }
        var wildcardDate = value.Year is null || value.Month is null || value.DayOfMonth is null;
        if (deviation is < -MaxDeviation or > MaxDeviation)
        {
            return wildcardDate
                ? $"deviation {deviation} (0x{(ushort)value.RawDeviation:X4}) on a date with wildcards is neither -720..720 nor 0x8000 (not specified)"
                : $"deviation {deviation} is outside -720..720 minutes";
        }
        return deviation % Quarter != 0 ? $"deviation {deviation} min is not a multiple of 15 minutes" : null;
    }

    /// <summary>
    /// Returns what <see cref="Describe"/> finds, to be logged as a warning, when
    /// <see cref="CompatibilityOptions.AcceptIrregularDeviation"/> is on; throws <see cref="CosemEncodingException"/>
    /// naming it when the switch is off.
    /// </summary>
    public static string? Check(CosemDateTime value, CompatibilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var deviation = Describe(value);
        if (deviation is not null && !options.AcceptIrregularDeviation)
        {
            throw new CosemEncodingException($"Date-time {value}: {deviation}.", -1, "deviation");
        }
        return deviation;
    }
}
