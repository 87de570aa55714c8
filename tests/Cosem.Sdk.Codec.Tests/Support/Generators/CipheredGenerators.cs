using Cosem.Sdk.Apdu;
using CsCheck;

namespace Cosem.Sdk.Codec.Tests.Support.Generators;

/// <summary>Generators of ciphered envelopes, the ciphered text being opaque bytes (no keys involved).</summary>
internal static class CipheredGenerators
{
    private static Gen<ReadOnlyMemory<byte>> Octets(int max) => AxdrGenerators.Bytes(max).Select(b => (ReadOnlyMemory<byte>)b);

    public static readonly Gen<SecurityControl> Control = Gen.Byte.Select(b => new SecurityControl(b));

    public static readonly Gen<ApduTag> ServiceTag =
        Gen.OneOf(Enum.GetValues<ApduTag>().Where(CipheredApdu.IsCipheredServiceTag).ToArray());

    /// <summary>Initiate request/response and confirmed-service-error tags (the last two are also CipheredApdu tags: see
    /// <see cref="Properties.ApduProperties"/>, ApduDecoder.Decode reads them as ACSE user-information).</summary>
    public static readonly Gen<ApduTag> UserInformationTag =
        Gen.OneOf(Enum.GetValues<ApduTag>().Where(CipheredUserInformationApdu.IsCipheredUserInformationTag).ToArray());

    public static readonly Gen<KeyInfo> Key = Gen.OneOf(
        Gen.Enum<KeyId>().Select(KeyInfo.IdentifiedKey),
        Gen.Select(Gen.Enum<KekId>(), Octets(40), KeyInfo.WrappedKey),
        Gen.Select(Octets(40), Octets(40), KeyInfo.AgreedKey));

    public static readonly Gen<CipheredUserInformationApdu> UserInformation =
        Gen.Select(UserInformationTag, Octets(60), (t, x) => new CipheredUserInformationApdu(t, x));

    public static readonly Gen<Cosem.Sdk.Apdu.Apdu> Ciphered = Gen.OneOf<Cosem.Sdk.Apdu.Apdu>(
        Gen.Select(ServiceTag, Control, Gen.UInt, Octets(100), (t, c, i, x) => new CipheredApdu(t, c, i, x)),
        Gen.Select(Octets(8), Control, Gen.UInt, Octets(100), (s, c, i, x) => new GeneralGloCiphering(s, c, i, x)),
        Gen.Select(Octets(8), Control, Gen.UInt, Octets(100), (s, c, i, x) => new GeneralDedCiphering(s, c, i, x)),
        Gen.Select(Gen.Select(Octets(8), Octets(8), Octets(8), Octets(12), Octets(10)), Key.Nullable(), Control, Gen.UInt, Octets(100),
            (h, k, c, i, x) => new GeneralCiphering(h.Item1, h.Item2, h.Item3, h.Item4, h.Item5, k, c, i, x)),
        Gen.Select(Gen.Select(Octets(8), Octets(8), Octets(8), Octets(12), Octets(10)), Octets(100), Octets(96),
            (h, content, signature) => new GeneralSigning(h.Item1, h.Item2, h.Item3, h.Item4, h.Item5, content, signature)),
        UserInformation);
}
