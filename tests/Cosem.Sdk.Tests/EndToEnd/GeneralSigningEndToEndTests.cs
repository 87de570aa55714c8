using Cosem.Sdk.Apdu;
using Cosem.Sdk.Client;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Tests.EndToEnd;

/// <summary>
/// General-signing (tag 223, IEC 62056-5-3 §9.2.7.2.5) around every request and answer of a session between our client
/// and our server, on both transports: the server verifies with the client's configured public key and signs with its
/// own, the client verifies; a wrong or tampered signature is refused either way.
/// </summary>
public class GeneralSigningEndToEndTests
{
    private static readonly CosemAttributeDescriptor ClockTime = new(8, SecureLoopbackMeter.ClockName, 2);

    public static TheoryData<SecuritySuite, bool, bool> Cases() => new()
    {
        { SecuritySuite.Suite1, false, false },
        { SecuritySuite.Suite1, true, false },
        { SecuritySuite.Suite1, false, true },
        { SecuritySuite.Suite1, true, true },
        { SecuritySuite.Suite2, true, true },
    };

    public static TheoryData<bool> Transports => new() { false, true };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Signed_requests_get_signed_answers(SecuritySuite suite, bool generalCiphering, bool hdlc)
    {
        await using var meter = await StartAsync(suite);
        TamperingChannel? channel = null;
        var mode = generalCiphering ? GeneralCipheringKeyMode.GlobalUnicastKey : (GeneralCipheringKeyMode?)null;
        await using var client = await CosemClient.ConnectAsync(TamperingChannel.Wrap(meter.Transport(hdlc), c => channel = c),
            meter.ManagementOptions(GeneralCipheringEndToEndTests.Security(meter, mode, signing: true)));
        await meter.ExerciseAsync(client);
        Assert.All(channel!.Sent.Skip(1), apdu => Assert.Equal((byte)ApduTag.GeneralSigning, apdu[0]));
        var signed = (GeneralSigning)ApduDecoder.DecodeXdlms(channel.Sent[^1]);
        Assert.Equal(generalCiphering ? (byte)ApduTag.GeneralCiphering : (byte)ApduTag.GloActionRequest, signed.Content.Span[0]);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_request_signed_by_another_key_is_refused(bool hdlc)
    {
        await using var meter = await StartAsync(SecuritySuite.Suite1);
        await using var client = await meter.ConnectManagementAsync(hdlc,
            GeneralCipheringEndToEndTests.Security(meter, GeneralCipheringKeyMode.GlobalUnicastKey, signing: true));
        meter.Security.ClientSigningKey = EccKeyPair.Generate(EccCurve.P256).PublicKey; // the certificate of someone else
        var refused = await Assert.ThrowsAsync<CosemExceptionResponseException>(() => client.GetDataAsync(ClockTime).AsTask());
        Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_tampered_request_signature_is_refused_and_the_session_goes_on(bool hdlc)
    {
        await using var meter = await StartAsync(SecuritySuite.Suite1);
        TamperingChannel? channel = null;
        await using var client = await CosemClient.ConnectAsync(TamperingChannel.Wrap(meter.Transport(hdlc), c => channel = c),
            meter.ManagementOptions(GeneralCipheringEndToEndTests.Security(meter, null, signing: true)));
        channel!.FlipNextSent = true; // the last byte is the signature's s
        var refused = await Assert.ThrowsAsync<CosemExceptionResponseException>(() => client.GetDataAsync(ClockTime).AsTask());
        Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
        await meter.ExerciseAsync(client);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task An_answer_signed_by_another_key_is_rejected_by_the_client(bool hdlc)
    {
        await using var meter = await StartAsync(SecuritySuite.Suite1);
        await using var client = await meter.ConnectManagementAsync(hdlc,
            GeneralCipheringEndToEndTests.Security(meter, GeneralCipheringKeyMode.GlobalUnicastKey, signing: true));
        meter.Security.SigningKey = EccKeyPair.Generate(EccCurve.P256); // an impostor's key
        var rejected = await Assert.ThrowsAsync<CosemSecurityException>(() => client.GetDataAsync(ClockTime).AsTask());
        Assert.Equal(SecurityFailure.InvalidSignature, rejected.Failure);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_signed_request_is_refused_when_the_association_knows_no_client_key(bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Gmac, SecuritySuite.Suite1, SecurityPolicy.AuthenticatedEncrypted);
        var security = new ClientSecurity(new SecurityContext
        {
            Suite = SecuritySuite.Suite1,
            Policy = SecurityPolicy.AuthenticatedEncrypted,
            SystemTitle = SecureLoopbackMeter.ClientTitle,
            Keys = SecureLoopbackMeter.Keys(SecuritySuite.Suite1),
            Secret = SecureLoopbackMeter.HlsSecret,
            KeyPair = EccKeyPair.Generate(EccCurve.P256),
        })
        { UseGeneralSigning = true };
        // The HLS reply is the first signed request: the meter cannot verify it, so the association is not completed.
        await Assert.ThrowsAnyAsync<CosemException>(() => meter.ConnectManagementAsync(hdlc, security));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task An_association_that_requires_signing_refuses_unsigned_requests(bool hdlc)
    {
        await using var meter = await StartAsync(SecuritySuite.Suite1);
        meter.Security.RequireGeneralSigning = true;
        var counters = new InMemoryInvocationCounterStore();
        // The HLS 7 reply is the first request after the AARQ: unsigned, it is refused and the association with it.
        var refused = await Assert.ThrowsAnyAsync<CosemException>(() =>
            meter.ConnectManagementAsync(hdlc, GeneralCipheringEndToEndTests.Security(meter, null, counters: counters)));
        Assert.IsNotType<CosemSecurityException>(refused); // refused by the meter, not by the client
        await using var signed = await meter.ConnectManagementAsync(hdlc,
            GeneralCipheringEndToEndTests.Security(meter, GeneralCipheringKeyMode.GlobalUnicastKey, signing: true, counters: counters));
        await meter.ExerciseAsync(signed);
    }

    private static async Task<SecureLoopbackMeter> StartAsync(SecuritySuite suite)
    {
        var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Ecdsa, suite, SecurityPolicy.AuthenticatedEncrypted);
        meter.Security.ClientSigningKey = meter.ClientKey!.PublicKey;
        return meter;
    }
}
