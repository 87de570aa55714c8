using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Security;
using Cosem.Sdk.Tests.Security;

namespace Cosem.Sdk.Tests.Push;

/// <summary>Builds the APDUs a pushing meter sends: plain, general-glo-ciphered, glo-ciphered and general-ciphered
/// (suite 0, the Green Book keys of <see cref="ApduCipherGreenBookTests"/>).</summary>
internal static class PushApdus
{
    public static readonly SystemTitle HeadEnd = SystemTitle.Parse("4845414400000001");

    public static CipheringKeys Keys() => new(SecuritySuite.Suite0, ApduCipherGreenBookTests.BlockCipherKey, ApduCipherGreenBookTests.AuthenticationKey);

    public static CipheringKeys WrongKeys() => new(SecuritySuite.Suite0, new byte[16], ApduCipherGreenBookTests.AuthenticationKey);

    public static SystemTitle Meter(int n) => SystemTitle.FromUInt64(0x4D4D4D0000000000UL + (ulong)n);

    public static CosemData Reading(uint energy) => CosemData.Structure(
        CosemData.OctetString(new byte[] { 0, 0, 25, 9, 0, 255 }),
        CosemData.FromUInt32(energy),
        CosemData.FromInt16(230));

    public static byte[] DataNotification(CosemData body, uint invokeId = 1) =>
        new DataNotification(new LongInvokeIdAndPriority(invokeId, confirmed: false, highPriority: false),
            CosemData.DateTime(CosemDateTime.From(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero))).ToArray()[2..],
            body.ToArray()).ToArray();

    public static byte[] EventNotification(CosemData value) =>
        new EventNotificationRequest(null, new CosemAttributeDescriptor(1, new Obis.ObisCode(0, 0, 96, 11, 0, 255), 2), value.ToArray()).ToArray();

    public static byte[] Envelope(ApduTag tag, byte[] plain, SystemTitle meter, uint counter, CipheringKeys? keys = null)
    {
        using var owned = keys is null ? Keys() : null;
        using var cipher = (keys ?? owned!).CreateCipher();
        var output = new ArrayBufferWriter<byte>();
        ApduEnvelope.Write(cipher, tag, SecurityControlByte.Create(SecuritySuite.Suite0, authenticated: true, encrypted: true), meter, counter, plain, output);
        return output.WrittenSpan.ToArray();
    }

    public static byte[] GeneralGlo(byte[] plain, SystemTitle meter, uint counter, CipheringKeys? keys = null) =>
        Envelope(ApduTag.GeneralGloCiphering, plain, meter, counter, keys);

    public static byte[] GeneralCiphering(byte[] plain, SystemTitle meter, uint counter)
    {
        using var keys = Keys();
        using var keyring = new GeneralCipheringKeyring(SecuritySuite.Suite0) { SystemTitle = meter, Keys = keys };
        var header = new GeneralProtectionHeader(meter, HeadEnd, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
        return GeneralCipheringProtection.Protect(header, GeneralCipheringKeyMode.GlobalUnicastKey, keyring,
            SecurityControlByte.Create(SecuritySuite.Suite0, authenticated: true, encrypted: true), counter, plain).ToArray();
    }
}
