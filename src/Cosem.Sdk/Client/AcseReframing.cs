namespace Cosem.Sdk.Client;

/// <summary>
/// Rebuilds an ACSE APDU (AARE, RLRE) whose BER framing a meter got wrong, from the bytes actually received: the
/// outer length is made to match the fields, a field whose length overruns the APDU is cut to what is there, and
/// bytes after the APDU are dropped. Only the framing changes; each candidate still goes through the strict decoder.
/// </summary>
internal static class AcseReframing
{
    /// <summary>
    /// The framings to try, most likely first: the APDU without trailing bytes, then its fields re-framed from the
    /// declared content, then from every byte received. Each comes with a description of the deviation.
    /// </summary>
    public static IEnumerable<(byte[] Apdu, string Deviation)> Candidates(ReadOnlyMemory<byte> received)
    {
        var bytes = received.ToArray();
        if (bytes.Length < 2 || !TryReadLength(bytes, 1, out var declared, out var lengthSize))
        {
            yield break;
        }
        var headerLength = 1 + lengthSize;
        var available = bytes.Length - headerLength;
        if (declared < available)
        {
            yield return (bytes[..(headerLength + declared)], $"{available - declared} byte(s) after the APDU's declared length {declared}");
            if (Reframe(bytes[0], bytes.AsSpan(headerLength, declared)) is { } declaredOnly)
            {
                yield return (declaredOnly, $"field lengths overrun the declared APDU length {declared}");
            }
        }
        if (Reframe(bytes[0], bytes.AsSpan(headerLength)) is { } all)
        {
            yield return (all, declared == available
                ? "field lengths do not add up to the APDU length"
                : $"APDU length {declared} where {available} bytes follow");
        }
    }

    private static byte[]? Reframe(byte tag, ReadOnlySpan<byte> content)
    {
        var fields = new List<byte>(content.Length + 8);
        var at = 0;
        while (at < content.Length)
        {
            var start = at;
            if (!SkipTag(content, ref at) || at >= content.Length || !TryReadLength(content, at, out var length, out var lengthBytes))
            {
                return null;
            }
            var valueAt = at + lengthBytes;
            var take = Math.Min(length, content.Length - valueAt);
            if (take < 0)
            {
                return null;
            }
            fields.AddRange(content[start..at]);
            WriteLength(fields, take);
            fields.AddRange(content.Slice(valueAt, take));
            at = valueAt + take;
        }
        var apdu = new List<byte>(fields.Count + 4) { tag };
        WriteLength(apdu, fields.Count);
        apdu.AddRange(fields);
        return [.. apdu];
    }

    private static bool SkipTag(ReadOnlySpan<byte> data, ref int at)
    {
        if ((data[at++] & 0x1F) != 0x1F)
        {
            return true;
        }
        while (at < data.Length && (data[at] & 0x80) != 0)
        {
            at++;
        }
        at++;
        return at <= data.Length;
    }

    /// <summary>A definite BER length at <paramref name="at"/> (short form, or long form of up to 3 bytes).</summary>
    private static bool TryReadLength(ReadOnlySpan<byte> data, int at, out int length, out int size)
    {
        length = 0;
        size = 0;
        if (at >= data.Length)
        {
            return false;
        }
        var first = data[at];
        if (first < 0x80)
        {
            (length, size) = (first, 1);
            return true;
        }
        var count = first & 0x7F;
        if (count is 0 or > 3 || at + count >= data.Length)
        {
            return false;
        }
        for (var i = 1; i <= count; i++)
        {
            length = (length << 8) | data[at + i];
        }
        size = 1 + count;
        return true;
    }

    private static void WriteLength(List<byte> output, int length)
    {
        if (length < 0x80)
        {
            output.Add((byte)length);
        }
        else if (length <= 0xFF)
        {
            output.Add(0x81);
            output.Add((byte)length);
        }
        else
        {
            output.Add(0x82);
            output.Add((byte)(length >> 8));
            output.Add((byte)length);
        }
    }
}
