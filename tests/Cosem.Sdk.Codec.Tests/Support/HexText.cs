namespace Cosem.Sdk.Codec.Tests.Acse;

/// <summary>Hex text to bytes and back, for test vectors written with or without whitespace.</summary>
internal static class HexText
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(string.Concat(hex.Where(c => !char.IsWhiteSpace(c))));

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);

    public static string Of(ReadOnlyMemory<byte>? bytes) => bytes is { } b ? Convert.ToHexString(b.Span) : "<absent>";
}
