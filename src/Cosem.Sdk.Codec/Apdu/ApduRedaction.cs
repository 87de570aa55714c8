namespace Cosem.Sdk.Apdu;

/// <summary>
/// Hex for traces with the secrets a client sends in the clear masked as <c>**</c>: the LLS password of an AARQ
/// (calling-authentication-value), a new secret written to Association LN attribute 7 and the new HLS secret of
/// change_HLS_secret (Association LN method 2). Works on any bytes that hold such an APDU — a bare APDU, a wrapper or
/// HDLC frame, or a frame cut short by segmentation (everything after a secret's start is then masked).
/// </summary>
/// <remarks>Ciphered APDUs need no masking; HLS challenges and their answers are not secrets.</remarks>
public static class ApduRedaction
{
    private const byte AarqTag = 0x60;
    private const byte CallingAuthenticationValueTag = 0xAC;
    private const ushort AssociationLnClassId = 15;

    // AARQ application-context-name field: [1] { OID 2.16.756.5.8.1.x }, the mark that 0x60 starts an AARQ.
    private static ReadOnlySpan<byte> ContextNamePrefix => [0xA1, 0x09, 0x06, 0x07, 0x60, 0x85, 0x74, 0x05, 0x08, 0x01];

    /// <summary>The hex of <paramref name="bytes"/> (as <see cref="Convert.ToHexString(ReadOnlySpan{byte})"/>) with secrets masked.</summary>
    public static string ToHex(ReadOnlySpan<byte> bytes)
    {
        var hex = Convert.ToHexString(bytes);
        var masked = (char[]?)null;
        for (var i = 0; i < bytes.Length; i++)
        {
            var (start, end) = SecretAt(bytes, i);
            if (start < 0)
            {
                continue;
            }
            masked ??= hex.ToCharArray();
            masked.AsSpan(2 * start, 2 * (end - start)).Fill('*');
            i = end - 1;
        }
        return masked is null ? hex : new string(masked);
    }

    // The [start, end) range of a secret whose APDU begins at offset i, or (-1, -1).
    private static (int Start, int End) SecretAt(ReadOnlySpan<byte> bytes, int i)
    {
        switch (bytes[i])
        {
            case AarqTag:
                return AarqPassword(bytes, i);
            case (byte)ApduTag.SetRequest when Matches(bytes, i, choice: 1, classId: AssociationLnClassId, member: 7):
                // set-request-normal: tag, choice, invoke-id, descriptor (2 + 6 + 1), access-selection flag, value.
                return Rest(bytes, i + 13);
            case (byte)ApduTag.ActionRequest when Matches(bytes, i, choice: 1, classId: AssociationLnClassId, member: 2):
                // action-request-normal: tag, choice, invoke-id, descriptor (2 + 6 + 1), parameters flag, value.
                return Rest(bytes, i + 13);
            default:
                return (-1, -1);
        }
    }

    private static bool Matches(ReadOnlySpan<byte> bytes, int i, byte choice, ushort classId, byte member) =>
        bytes.Length > i + 13
        && bytes[i + 1] == choice
        && bytes[i + 3] == (byte)(classId >> 8) && bytes[i + 4] == (byte)classId
        && bytes[i + 11] == member;

    private static (int, int) Rest(ReadOnlySpan<byte> bytes, int start) => start < bytes.Length ? (start, bytes.Length) : (-1, -1);

    private static (int, int) AarqPassword(ReadOnlySpan<byte> bytes, int i)
    {
        var at = i + 1;
        if (!TryLength(bytes, ref at, out _) || !bytes[at..].StartsWith(ContextNamePrefix))
        {
            return (-1, -1);
        }
        // Walk the AARQ's fields up to calling-authentication-value; a field cut short ends the walk.
        while (at < bytes.Length)
        {
            var tag = bytes[at++];
            if (!TryLength(bytes, ref at, out var length))
            {
                return tag == CallingAuthenticationValueTag ? Rest(bytes, at) : (-1, -1);
            }
            if (tag == CallingAuthenticationValueTag)
            {
                return (at, Math.Min(at + length, bytes.Length));
            }
            if (at + length > bytes.Length)
            {
                return (-1, -1);
            }
            at += length;
        }
        return (-1, -1);
    }

    // BER definite length, short form or long form of 1 or 2 octets.
    private static bool TryLength(ReadOnlySpan<byte> bytes, ref int at, out int length)
    {
        length = 0;
        if (at >= bytes.Length)
        {
            return false;
        }
        var first = bytes[at++];
        if (first < 0x80)
        {
            length = first;
            return true;
        }
        var octets = first & 0x7F;
        if (octets is 0 or > 2 || at + octets > bytes.Length)
        {
            return false;
        }
        for (var k = 0; k < octets; k++)
        {
            length = (length << 8) | bytes[at++];
        }
        return true;
    }
}
