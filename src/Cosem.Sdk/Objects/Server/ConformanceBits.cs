using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Objects;

/// <summary>
/// Converts the xDLMS conformance block between the APDU layer's <see cref="Conformance"/> (the 24-bit string read
/// as a big-endian number: bit 0 is the most significant) and the schema's <see cref="XdlmsConformance"/> (bit n of
/// the string is 1 &lt;&lt; n). The same bits, numbered from opposite ends.
/// </summary>
internal static class ConformanceBits
{
    private const int Width = 24;

    public static XdlmsConformance ToSchema(Conformance conformance) => (XdlmsConformance)Reverse((uint)conformance);

    public static Conformance FromSchema(XdlmsConformance conformance) => (Conformance)Reverse((uint)conformance);

    private static uint Reverse(uint bits)
    {
        uint reversed = 0;
        for (var i = 0; i < Width; i++)
        {
            reversed |= ((bits >> i) & 1) << (Width - 1 - i);
        }
        return reversed;
    }
}
