namespace Cosem.Sdk.Apdu;

/// <summary>
/// The 32-bit Long-Invoke-Id-And-Priority of DataNotification and ACCESS APDUs (IEC 62056-5-3 §9.5): bits 0–23
/// long-invoke-id, bit 28 self-descriptive, bit 29 processing-option (1 = break on error), bit 30 service-class
/// (1 = confirmed), bit 31 priority (1 = high). Bits 24–27 are reserved and kept as received.
/// </summary>
public readonly record struct LongInvokeIdAndPriority(uint Value)
{
    /// <summary>Largest invoke-id: the 24 low bits of Long-Invoke-Id-And-Priority (16 777 215).</summary>
    public const uint MaxInvokeId = 0x00FF_FFFF;

    /// <summary>
    /// Packs Long-Invoke-Id-And-Priority (Unsigned32): invoke-id in bits 0-23, self-descriptive bit 28, break-on-error
    /// bit 29, service-class bit 30, priority bit 31.
    /// </summary>
    public LongInvokeIdAndPriority(uint invokeId, bool confirmed, bool highPriority, bool breakOnError = false, bool selfDescriptive = false)
        : this((invokeId & MaxInvokeId) | (selfDescriptive ? 1u << 28 : 0) | (breakOnError ? 1u << 29 : 0) |
               (confirmed ? 1u << 30 : 0) | (highPriority ? 1u << 31 : 0))
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(invokeId, MaxInvokeId);
    }

    /// <summary>invoke-id (bits 0-23): matches a response to its request.</summary>
    public uint InvokeId => Value & MaxInvokeId;
    /// <summary>self-descriptive (bit 28): true when the data carry their type descriptions.</summary>
    public bool SelfDescriptive => (Value & (1u << 28)) != 0;
    /// <summary>
    /// break-on-error (bit 29): true when the server stops at the first failed request of an ACCESS list.
    /// </summary>
    public bool BreakOnError => (Value & (1u << 29)) != 0;
    /// <summary>service-class (bit 30): true for a confirmed service, false for unconfirmed.</summary>
    public bool Confirmed => (Value & (1u << 30)) != 0;
    /// <summary>priority (bit 31): true for high priority, false for normal.</summary>
    public bool HighPriority => (Value & (1u << 31)) != 0;

    /// <summary>The value in hex and its decoded fields; for logs.</summary>
    public override string ToString() =>
        $"0x{Value:X8} (invoke-id {InvokeId}, {(Confirmed ? "confirmed" : "unconfirmed")}, {(HighPriority ? "high" : "normal")} priority)";
}
