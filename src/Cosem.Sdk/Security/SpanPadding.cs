namespace Cosem.Sdk.Security;

internal static class SpanPadding
{
    /// <summary>Left-pads big-endian bytes with zeros to <paramref name="length"/>.</summary>
    public static ReadOnlySpan<byte> PadLeft(this Span<byte> bytes, int length)
    {
        if (bytes.Length >= length)
        {
            return bytes[^length..];
        }
        var padded = new byte[length];
        bytes.CopyTo(padded.AsSpan(length - bytes.Length));
        return padded;
    }
}
