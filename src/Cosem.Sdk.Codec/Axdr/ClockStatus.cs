namespace Cosem.Sdk.Axdr;

/// <summary>
/// The clock_status byte of a COSEM date-time (IEC 62056-6-2 §4.1.6.1, Blue Book "Date and time formats").
/// Bits 4–6 are reserved and kept as received. The value 0xFF means "not specified"; <see cref="CosemDateTime"/>
/// reports it as a null <see cref="CosemDateTime.ClockStatus"/>.
/// </summary>
[Flags]
public enum ClockStatus : byte
{
    None = 0x00,
    InvalidValue = 0x01,
    DoubtfulValue = 0x02,
    DifferentClockBase = 0x04,
    InvalidClockStatus = 0x08,
    DaylightSavingActive = 0x80,
}
