using System.Buffers.Binary;

namespace Cosem.Sdk.Security;

/// <summary>
/// The security header SH = SC ‖ IC that precedes the ciphertext in every protected APDU
/// (IEC 62056-5-3 §9.2.7.2.4.2): one control byte and a 4-byte big-endian invocation counter.
/// </summary>
public readonly record struct SecurityHeader(SecurityControlByte Control, uint InvocationCounter)
{
    /// <summary>Bytes in the header.</summary>
    public const int Length = 5;

    /// <summary>Reads the header at the start of protected data (the content of a glo-/ded- envelope).</summary>
    public static SecurityHeader Read(ReadOnlySpan<byte> protectedData)
    {
        if (protectedData.Length < Length)
        {
            throw new CosemSecurityException(SecurityFailure.MalformedInput,
                $"Protected data of {protectedData.Length} bytes is shorter than the {Length}-byte security header.");
        }
        return new SecurityHeader(new SecurityControlByte(protectedData[0]), BinaryPrimitives.ReadUInt32BigEndian(protectedData[1..]));
    }

    /// <summary>Writes SC and the big-endian IC into the first <see cref="Length"/> bytes of
    /// <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        destination[0] = Control.Value;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], InvocationCounter);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Control}, IC {InvocationCounter:X8}";
}
