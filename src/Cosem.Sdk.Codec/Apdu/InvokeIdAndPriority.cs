namespace Cosem.Sdk.Apdu;

/// <summary>
/// The Invoke-Id-And-Priority byte of LN service APDUs (IEC 62056-5-3 §8): bits 0–3 invoke-id, bit 6
/// service-class (1 = confirmed), bit 7 priority (1 = high).
/// </summary>
public readonly record struct InvokeIdAndPriority(byte Value)
{
    /// <summary>
    /// Packs the Invoke-Id-And-Priority byte: invoke-id in bits 0-3 (0 to 15), service-class (confirmed) in bit 6,
    /// priority (high) in bit 7.
    /// </summary>
    public InvokeIdAndPriority(byte invokeId, bool confirmed, bool highPriority)
        : this((byte)((invokeId & 0x0F) | (confirmed ? 0x40 : 0) | (highPriority ? 0x80 : 0)))
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(invokeId, (byte)15);
    }

    /// <summary>invoke-id (bits 0-3, 0 to 15): matches a response to its request.</summary>
    public byte InvokeId => (byte)(Value & 0x0F);
    /// <summary>
    /// service-class (bit 6): true for a confirmed service, which the server answers; false for unconfirmed.
    /// </summary>
    public bool Confirmed => (Value & 0x40) != 0;
    /// <summary>
    /// priority (bit 7): true for high priority, served before normal-priority requests; false for normal.
    /// </summary>
    public bool HighPriority => (Value & 0x80) != 0;

    /// <summary>Invoke-id 1, confirmed, high priority: 0xC1, what most clients send.</summary>
    public static InvokeIdAndPriority Default => new(0xC1);

    /// <summary>The byte in hex and its decoded fields; for logs.</summary>
    public override string ToString() => $"0x{Value:X2} (invoke-id {InvokeId}, {(Confirmed ? "confirmed" : "unconfirmed")}, {(HighPriority ? "high" : "normal")} priority)";
}
