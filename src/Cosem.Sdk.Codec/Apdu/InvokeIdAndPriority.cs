namespace Cosem.Sdk.Apdu;

/// <summary>
/// The Invoke-Id-And-Priority byte of LN service APDUs (IEC 62056-5-3 §8): bits 0–3 invoke-id, bit 6
/// service-class (1 = confirmed), bit 7 priority (1 = high).
/// </summary>
public readonly record struct InvokeIdAndPriority(byte Value)
{
    public InvokeIdAndPriority(byte invokeId, bool confirmed, bool highPriority)
        : this((byte)((invokeId & 0x0F) | (confirmed ? 0x40 : 0) | (highPriority ? 0x80 : 0)))
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(invokeId, (byte)15);
    }

    public byte InvokeId => (byte)(Value & 0x0F);
    public bool Confirmed => (Value & 0x40) != 0;
    public bool HighPriority => (Value & 0x80) != 0;

    /// <summary>Invoke-id 1, confirmed, high priority: 0xC1, what most clients send.</summary>
    public static InvokeIdAndPriority Default => new(0xC1);

    public override string ToString() => $"0x{Value:X2} (invoke-id {InvokeId}, {(Confirmed ? "confirmed" : "unconfirmed")}, {(HighPriority ? "high" : "normal")} priority)";
}
