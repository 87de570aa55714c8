namespace Cosem.Sdk.Apdu;

/// <summary>
/// The 32-bit Long-Invoke-Id-And-Priority of DataNotification and ACCESS APDUs (IEC 62056-5-3 §9.5): bits 0–23
/// long-invoke-id, bit 28 self-descriptive, bit 29 processing-option (1 = break on error), bit 30 service-class
/// (1 = confirmed), bit 31 priority (1 = high). Bits 24–27 are reserved and kept as received.
/// </summary>
public readonly record struct LongInvokeIdAndPriority(uint Value)
{
    public const uint MaxInvokeId = 0x00FF_FFFF;

    public LongInvokeIdAndPriority(uint invokeId, bool confirmed, bool highPriority, bool breakOnError = false, bool selfDescriptive = false)
        : this((invokeId & MaxInvokeId) | (selfDescriptive ? 1u << 28 : 0) | (breakOnError ? 1u << 29 : 0) |
               (confirmed ? 1u << 30 : 0) | (highPriority ? 1u << 31 : 0))
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(invokeId, MaxInvokeId);
    }

    public uint InvokeId => Value & MaxInvokeId;
    public bool SelfDescriptive => (Value & (1u << 28)) != 0;
    public bool BreakOnError => (Value & (1u << 29)) != 0;
    public bool Confirmed => (Value & (1u << 30)) != 0;
    public bool HighPriority => (Value & (1u << 31)) != 0;

    public override string ToString() =>
        $"0x{Value:X8} (invoke-id {InvokeId}, {(Confirmed ? "confirmed" : "unconfirmed")}, {(HighPriority ? "high" : "normal")} priority)";
}
