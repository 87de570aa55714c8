namespace Cosem.Sdk.Axdr;

/// <summary>
/// The clock_status byte of a COSEM date-time (IEC 62056-6-2 §4.1.6.1, Blue Book "Date and time formats").
/// Bits 4–6 are reserved and kept as received. The value 0xFF means "not specified"; <see cref="CosemDateTime"/>
/// reports it as a null <see cref="CosemDateTime.ClockStatus"/>.
/// </summary>
[Flags]
public enum ClockStatus : byte
{
    /// <summary>No status bit set: the clock value is valid and daylight saving is not active.</summary>
    None = 0x00,
    /// <summary>
    /// invalid value (bit 0): the time could not be recovered after a power failure or other incident.
    /// </summary>
    InvalidValue = 0x01,
    /// <summary>doubtful value (bit 1): the time could be recovered but its accuracy is not guaranteed.</summary>
    DoubtfulValue = 0x02,
    /// <summary>
    /// different clock base (bit 2): the time comes from a clock base other than the one the Clock object's
    /// clock_base attribute names.
    /// </summary>
    DifferentClockBase = 0x04,
    /// <summary>invalid clock status (bit 3): the other status bits are not reliable.</summary>
    InvalidClockStatus = 0x08,
    /// <summary>daylight saving active (bit 7): the time is local summer time.</summary>
    DaylightSavingActive = 0x80,
}
