using Cosem.Sdk.Apdu;
using Cosem.Sdk.Client;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Tests.EndToEnd;

/// <summary>
/// General-ciphering (tag 221, IEC 62056-5-3 §9.2.7.2.4.8) as the protection of a whole session between our client and
/// our server, on both transports: requests in general-ciphering, answers in general-ciphering, tampering refused.
/// </summary>
public class GeneralCipheringEndToEndTests
{
    private static readonly CosemAttributeDescriptor ClockTime = new(8, SecureLoopbackMeter.ClockName, 2);

    public static TheoryData<SecurityPolicy, bool> PoliciesAndTransports() => new()
    {
        { SecurityPolicy.AuthenticatedEncrypted, false },
        { SecurityPolicy.AuthenticatedEncrypted, true },
        { SecurityPolicy.Authenticated, false },
        { SecurityPolicy.Encrypted, true },
    };

    public static TheoryData<bool> Transports => new() { false, true };

    [Theory]
    [MemberData(nameof(PoliciesAndTransports))]
    public async Task Suite_0_identified_key_general_ciphering_carries_every_service(SecurityPolicy policy, bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Gmac, SecuritySuite.Suite0, policy);
        TamperingChannel? channel = null;
        await using var client = await CosemClient.ConnectAsync(TamperingChannel.Wrap(meter.Transport(hdlc), c => channel = c),
            meter.ManagementOptions(Security(meter, GeneralCipheringKeyMode.GlobalUnicastKey)));
        await meter.ExerciseAsync(client);
        // Everything after the AARQ (and the HLS reply, itself a request) went out as general-ciphering.
        Assert.All(channel!.Sent.Skip(1), apdu => Assert.Equal((byte)ApduTag.GeneralCiphering, apdu[0]));
    }

    [Theory]
    [InlineData(SecuritySuite.Suite1, false)]
    [InlineData(SecuritySuite.Suite2, true)]
    public async Task One_pass_agreed_key_general_ciphering_carries_every_service(SecuritySuite suite, bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Ecdsa, suite, SecurityPolicy.AuthenticatedEncrypted);
        var serverAgreement = EccKeyPair.Generate(suite.Curve());
        meter.Security.KeyAgreementKey = serverAgreement;
        meter.Security.ClientSigningKey = meter.ClientKey!.PublicKey;
        await using var client = await meter.ConnectManagementAsync(hdlc,
            Security(meter, GeneralCipheringKeyMode.EphemeralStaticAgreement, serverAgreement.PublicKey));
        await meter.ExerciseAsync(client);
    }

    [Theory]
    [InlineData(SecuritySuite.Suite1, false)]
    [InlineData(SecuritySuite.Suite1, true)]
    [InlineData(SecuritySuite.Suite2, false)]
    [InlineData(SecuritySuite.Suite2, true)]
    public async Task Static_static_agreed_key_general_ciphering_carries_every_service(SecuritySuite suite, bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Ecdsa, suite, SecurityPolicy.AuthenticatedEncrypted);
        var serverAgreement = EccKeyPair.Generate(suite.Curve());
        var clientAgreement = EccKeyPair.Generate(suite.Curve());
        meter.Security.KeyAgreementKey = serverAgreement;
        meter.Security.ClientKeyAgreementKey = clientAgreement.PublicKey;
        TamperingChannel? channel = null;
        await using var client = await CosemClient.ConnectAsync(TamperingChannel.Wrap(meter.Transport(hdlc), c => channel = c),
            meter.ManagementOptions(Security(meter, GeneralCipheringKeyMode.StaticStaticAgreement, serverAgreement.PublicKey,
                clientAgreementKey: clientAgreement)));
        await meter.ExerciseAsync(client);
        // Every request after the AARQ names key-info agreed-key with scheme C(0e, 2s).
        Assert.All(channel!.Sent.Skip(1), apdu =>
        {
            var ciphering = Assert.IsType<GeneralCiphering>(ApduDecoder.DecodeXdlms(apdu));
            var keyInfo = Assert.NotNull(ciphering.KeyInfo);
            Assert.Equal(KeyInfoKind.AgreedKey, keyInfo.Kind);
            Assert.Equal(new[] { GeneralCipheringProtection.StaticStaticScheme }, keyInfo.KeyParameters.ToArray());
        });
    }

    [Theory]
    [InlineData(SecuritySuite.Suite1, false)]
    [InlineData(SecuritySuite.Suite2, true)]
    public async Task A_static_static_request_from_an_unknown_agreement_key_is_refused(SecuritySuite suite, bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Ecdsa, suite, SecurityPolicy.AuthenticatedEncrypted);
        var serverAgreement = EccKeyPair.Generate(suite.Curve());
        meter.Security.KeyAgreementKey = serverAgreement;
        meter.Security.ClientKeyAgreementKey = EccKeyPair.Generate(suite.Curve()).PublicKey; // the key the meter trusts
        // The HLS reply is the first general-ciphering request: the meter cannot open it, so the association is refused.
        var refused = await Assert.ThrowsAsync<CosemAssociationException>(async () =>
        {
            await using var client = await meter.ConnectManagementAsync(hdlc, Security(meter, GeneralCipheringKeyMode.StaticStaticAgreement,
                serverAgreement.PublicKey, clientAgreementKey: EccKeyPair.Generate(suite.Curve())));
        });
        var answer = Assert.IsType<CosemExceptionResponseException>(refused.InnerException);
        Assert.Equal(ExceptionServiceError.DecipheringError, answer.ServiceError);
        // Only the AARQ's ciphered initiate (the client's first counter, 1) was accepted; the refused HLS reply (2) did not move the window.
        Assert.Equal(1u, meter.Security.LastClientInvocationCounter);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_tampered_general_ciphering_request_is_refused_and_the_session_goes_on(bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Gmac, SecuritySuite.Suite0, SecurityPolicy.AuthenticatedEncrypted);
        TamperingChannel? channel = null;
        await using var client = await CosemClient.ConnectAsync(TamperingChannel.Wrap(meter.Transport(hdlc), c => channel = c),
            meter.ManagementOptions(Security(meter, GeneralCipheringKeyMode.GlobalUnicastKey)));
        var before = meter.Security.LastClientInvocationCounter;
        channel!.FlipNextSent = true;
        var refused = await Assert.ThrowsAsync<CosemExceptionResponseException>(() => client.GetDataAsync(ClockTime).AsTask());
        Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
        Assert.Equal(before, meter.Security.LastClientInvocationCounter); // a forged APDU does not move the window
        await meter.ExerciseAsync(client);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_tampered_general_ciphering_answer_is_rejected_by_the_client(bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Gmac, SecuritySuite.Suite0, SecurityPolicy.Authenticated);
        TamperingChannel? channel = null;
        await using var client = await CosemClient.ConnectAsync(TamperingChannel.Wrap(meter.Transport(hdlc), c => channel = c),
            meter.ManagementOptions(Security(meter, GeneralCipheringKeyMode.GlobalUnicastKey)));
        channel!.FlipNextReceived = true;
        var rejected = await Assert.ThrowsAsync<CosemSecurityException>(() => client.GetDataAsync(ClockTime).AsTask());
        Assert.Equal(SecurityFailure.AuthenticationFailed, rejected.Failure);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_replayed_general_ciphering_request_is_refused_with_an_invocation_counter_error(bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Gmac, SecuritySuite.Suite0, SecurityPolicy.AuthenticatedEncrypted);
        TamperingChannel? channel = null;
        await using var client = await CosemClient.ConnectAsync(TamperingChannel.Wrap(meter.Transport(hdlc), c => channel = c),
            meter.ManagementOptions(Security(meter, GeneralCipheringKeyMode.GlobalUnicastKey)));
        await client.GetDataAsync(ClockTime);
        channel!.ReplaceNextSent = channel.Sent[^1];
        var refused = await Assert.ThrowsAsync<CosemExceptionResponseException>(() => client.GetDataAsync(ClockTime).AsTask());
        Assert.Equal(ExceptionServiceError.InvocationCounterError, refused.ServiceError);
    }

    internal static ClientSecurity Security(SecureLoopbackMeter meter, GeneralCipheringKeyMode? mode, EccPublicKey? serverAgreementKey = null,
        bool signing = false, IInvocationCounterStore? counters = null, EccKeyPair? clientAgreementKey = null) =>
        new(new SecurityContext
        {
            Suite = meter.Suite,
            Policy = meter.Policy,
            SystemTitle = SecureLoopbackMeter.ClientTitle,
            Keys = SecureLoopbackMeter.Keys(meter.Suite),
            Secret = SecureLoopbackMeter.HlsSecret,
            KeyPair = meter.ClientKey,
            PeerPublicKey = meter.ServerKey?.PublicKey,
        }, counters)
        {
            GeneralCipheringMode = mode,
            ServerKeyAgreementKey = serverAgreementKey,
            KeyAgreementKey = clientAgreementKey,
            UseGeneralSigning = signing,
        };
}
