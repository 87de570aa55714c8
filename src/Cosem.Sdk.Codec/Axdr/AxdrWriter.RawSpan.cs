namespace Cosem.Sdk.Axdr;

public ref partial struct AxdrWriter
{
    /// <summary>
    /// Reserves the next <paramref name="count"/> bytes and returns them for the caller to fill in place; they count
    /// as written. Lets an embedded encoding (the BER of the ACSE APDUs) write straight into the destination.
    /// </summary>
    public Span<byte> ReserveRawBytes(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Reserve(count);
    }
}
