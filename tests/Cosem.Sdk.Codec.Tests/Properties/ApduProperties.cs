using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Codec.Tests.Support;
using Cosem.Sdk.Codec.Tests.Support.Generators;
using CsCheck;

namespace Cosem.Sdk.Codec.Tests.Properties;

/// <summary>
/// For every xDLMS and ACSE APDU family: decode(encode(x)) is structurally x, and encode(decode(bytes)) is bytes
/// (generated APDUs are canonical: minimal lengths, DEFAULT values omitted).
/// </summary>
public class ApduProperties
{
    public static TheoryData<string> Families => new(ApduGenerators.Families.Select(f => f.Family));

    private static Gen<Cosem.Sdk.Apdu.Apdu> Family(string name) => ApduGenerators.Families.Single(f => f.Family == name).Gen;

    [Theory]
    [MemberData(nameof(Families))]
    public void Decode_of_encode_is_the_value_and_re_encodes_byte_identically(string family) =>
        Family(family).Sample(apdu =>
        {
            byte[] bytes = apdu.ToArray();
            Assert.Equal((byte)apdu.Tag, bytes[0]);
            var decoded = DecodeAs(apdu, bytes);
            Structural.AssertEqual(apdu, decoded);
            Assert.Equal(bytes, decoded.ToArray());

            // Encoding into a fixed span gives the same bytes; one byte short is a typed error, never an overrun.
            var span = new byte[bytes.Length];
            var writer = new AxdrWriter(span);
            decoded.Encode(ref writer);
            Assert.Equal(bytes.Length, writer.BytesWritten);
            Assert.Equal(bytes, span);
            Assert.Throws<CosemEncodingException>(() =>
            {
                var small = new AxdrWriter(new byte[bytes.Length - 1]);
                decoded.Encode(ref small);
            });
        }, iter: PropertyRuns.RoundTrip, print: Print);

    [Theory]
    [MemberData(nameof(Families))]
    public void Every_strict_prefix_and_any_trailing_byte_is_refused(string family) =>
        Gen.Select(Family(family), Gen.Int[0, int.MaxValue], Gen.Byte).Sample((apdu, cut, extra) =>
        {
            byte[] bytes = apdu.ToArray();
            var prefix = bytes.AsMemory(0, cut % bytes.Length);
            var error = Assert.Throws<CosemEncodingException>(() => DecodeAs(apdu, prefix));
            Assert.InRange(error.Offset, -1, prefix.Length);

            byte[] extended = [.. bytes, extra];
            Assert.Throws<CosemEncodingException>(() => DecodeAs(apdu, extended));
        }, iter: PropertyRuns.RoundTrip, print: t => $"{Print(t.Item1)} cut {t.Item2} extra {t.Item3:X2}");

    /// <summary>
    /// glo-/ded-confirmed-service-error tags are both a ciphered xDLMS APDU and ciphered ACSE user-information;
    /// ApduDecoder.Decode reads them as the latter, DecodeXdlms as the former.
    /// </summary>
    internal static Cosem.Sdk.Apdu.Apdu DecodeAs(Cosem.Sdk.Apdu.Apdu apdu, ReadOnlyMemory<byte> bytes) =>
        apdu is CipheredApdu ? ApduDecoder.DecodeXdlms(bytes) : ApduDecoder.Decode(bytes);

    internal static string Print(Cosem.Sdk.Apdu.Apdu apdu) => $"{apdu} = {Convert.ToHexString(apdu.ToArray())}";
}
