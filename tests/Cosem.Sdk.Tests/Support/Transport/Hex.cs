namespace Cosem.Sdk.Tests.Transport;

/// <summary>Hex text (with or without whitespace) to bytes: the one hex helper of this test project.</summary>
internal static class Hex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(string.Concat(hex.Where(c => !char.IsWhiteSpace(c))));
}
