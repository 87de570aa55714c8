using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Tests.Push;

/// <summary>
/// push_protection_parameters (attribute 10 of Push setup versions 1 and 2) decide how a push is protected when set:
/// authentication, encryption, both (general-ciphering with the association's global keys) or a digital signature
/// (general-signing with its signing key); the listener opens and verifies what was actually sent. A protection the
/// meter holds no key for refuses the push — never sent in the clear.
/// </summary>
public sealed class PushProtectionParametersTests
{
    private static readonly ObisCode PushName = new(0, 0, 25, 9, 0, 255);
    private static readonly ObisCode EnergyName = new(1, 0, 1, 8, 0, 255);
    private static readonly SystemTitle MeterTitle = PushApdus.Meter(21);
    private static readonly CosemData Expected = CosemData.Structure(CosemData.FromUInt32(4_321));
    private readonly CipheringKeys _keys = new(SecuritySuite.Suite1, Tests.Security.ApduCipherGreenBookTests.BlockCipherKey,
        Tests.Security.ApduCipherGreenBookTests.AuthenticationKey);
    private readonly EccKeyPair _signingKey = EccKeyPair.Generate(EccCurve.P256);
    private readonly List<byte[]> _sent = [];

    private ValueTask Record(SendDestinationAndMethod destination, ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken)
    {
        _sent.Add(apdu.ToArray());
        return default;
    }

    private PushSetupServerOptions Options(AssociationSecurity? security, PushCiphering ciphering = PushCiphering.None) => new()
    {
        Security = security,
        Protection = ciphering,
        Recipient = PushApdus.HeadEnd,
        Send = Record,
    };

    private AssociationSecurity Security(bool keys = true, bool signing = true) =>
        new(MeterTitle, keys ? _keys : null) { SigningKey = signing ? _signingKey : null };

    private static (LogicalDevice Device, Data Energy) Device()
    {
        var device = new LogicalDevice();
        var energy = new Data(EnergyName) { Value = CosemData.FromUInt32(4_321) };
        device.Add(energy);
        return (device, energy);
    }

    private static PushProtectionParameters Parameter(PushProtectionType type, SystemTitle? recipient = null) => new(type,
        recipient is { } title
            ? CosemData.Structure(CosemData.OctetString([]), CosemData.OctetString(MeterTitle.ToArray()), CosemData.OctetString(title.ToArray()),
                CosemData.OctetString([]), CosemData.Null)
            : CosemData.Null);

    private PushNotification Open(byte[] apdu)
    {
        var decoder = new PushNotificationDecoder(new PushListenerOptions
        {
            Keys = new InMemoryPushKeyProvider().Add(MeterTitle, _keys).AddSigningKey(MeterTitle, _signingKey.PublicKey),
            SystemTitle = PushApdus.HeadEnd,
        });
        Assert.True(decoder.TryDecode(apdu, new PushOrigin(null, 1, 102), out var notification, out var rejection), rejection?.ToString());
        return notification;
    }

    public static TheoryData<PushProtectionType[], bool, bool, bool> Protections() => new()
    {
        { [PushProtectionType.Authentication], true, false, false },
        { [PushProtectionType.Encryption], false, true, false },
        { [PushProtectionType.AuthenticationAndEncryption], true, true, false },
        { [PushProtectionType.DigitalSignature], false, false, true },
        { [PushProtectionType.AuthenticationAndEncryption, PushProtectionType.DigitalSignature], true, true, true },
    };

    [Theory]
    [MemberData(nameof(Protections))]
    public async Task Each_protection_type_changes_the_apdu_sent_and_the_listener_opens_it(PushProtectionType[] types, bool authenticated, bool encrypted, bool signed)
    {
        var (device, energy) = Device();
        var push = new PushSetupServer(PushName, device, Options(Security()))
        {
            PushProtectionParameters = [.. types.Select(t => Parameter(t, PushApdus.HeadEnd))],
        }.Push(energy);

        var result = await push.PushNowAsync();
        var sent = Assert.Single(_sent);
        var notification = Open(sent);

        Assert.True(result.Sent);
        Assert.Equal(signed ? (byte)ApduTag.GeneralSigning : (byte)ApduTag.GeneralCiphering, sent[0]);
        Assert.Equal(signed, notification.Signed);
        Assert.Equal(authenticated || encrypted ? PushProtection.GeneralCiphering : PushProtection.None, notification.Protection);
        Assert.Equal(authenticated, notification.SecurityControl?.IsAuthenticated ?? false);
        Assert.Equal(encrypted, notification.SecurityControl?.IsEncrypted ?? false);
        Assert.Equal(Expected, notification.Body);
        Assert.Equal(MeterTitle, notification.SystemTitle);
        // Encryption hides the value; authentication alone or a signature leaves the plain notification readable.
        var plain = await push.BuildNotificationAsync();
        Assert.Equal(!encrypted, Contains(sent, plain.AsSpan(^5)));
    }

    [Fact]
    public async Task The_parameters_override_the_options_and_the_options_envelope_is_kept()
    {
        var (device, energy) = Device();
        var push = new PushSetupV1Server(PushName, device, Options(Security(), PushCiphering.GeneralGlobal))
        {
            PushProtectionParameters = [Parameter(PushProtectionType.Authentication)],
        }.Push(energy);

        await push.PushNowAsync();
        var notification = Open(Assert.Single(_sent));

        Assert.Equal((byte)ApduTag.GeneralGloCiphering, _sent[0][0]);
        Assert.Equal(PushProtection.GeneralGlobal, notification.Protection);
        Assert.True(notification.SecurityControl!.Value.IsAuthenticated);
        Assert.False(notification.SecurityControl!.Value.IsEncrypted);
    }

    [Fact]
    public async Task Without_parameters_the_options_decide_as_before()
    {
        var (device, energy) = Device();
        var push = new PushSetupServer(PushName, device, Options(Security(), PushCiphering.GeneralCiphering)).Push(energy);

        await push.PushNowAsync();
        var notification = Open(Assert.Single(_sent));

        Assert.Equal(PushProtection.GeneralCiphering, notification.Protection);
        Assert.True(notification.SecurityControl!.Value.IsEncrypted);
        Assert.False(notification.Signed);
    }

    public static TheoryData<PushProtectionType, bool, bool, bool> MissingKeys() => new()
    {
        { PushProtectionType.AuthenticationAndEncryption, false, false, false },
        { PushProtectionType.Authentication, true, false, true },
        { PushProtectionType.Encryption, true, false, true },
        { PushProtectionType.DigitalSignature, true, true, false },
    };

    [Theory]
    [MemberData(nameof(MissingKeys))]
    public async Task A_protection_without_its_key_is_refused_and_nothing_is_sent(PushProtectionType type, bool security, bool keys, bool signing)
    {
        var (device, energy) = Device();
        var push = new PushSetupServer(PushName, device, Options(security ? Security(keys, signing) : null))
        {
            PushProtectionParameters = [Parameter(type)],
            NumberOfRetries = 3,
        }.Push(energy);

        var refused = await Assert.ThrowsAsync<PushProtectionRefusedException>(() => push.BuildProtectedAsync().AsTask());
        var result = await push.PushNowAsync();

        Assert.Equal(type, refused.ProtectionType);
        Assert.Equal(SecurityFailure.InvalidKey, refused.Failure);
        Assert.False(result.Sent);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(refused.Message, result.Error);
        Assert.Empty(_sent);
        Assert.Equal(1, push.FailedCount);
    }

    private static bool Contains(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
