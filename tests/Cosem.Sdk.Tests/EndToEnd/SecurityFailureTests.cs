using Cosem.Sdk.Apdu;
using Cosem.Sdk.Client;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Tests.EndToEnd;

/// <summary>
/// Every security failure is refused with a typed error, on both transports: wrong keys, secrets, passwords and
/// signing keys; tampered tags either way; replayed and stale counters; wrong system titles; unprotected requests
/// under a ciphering policy.
/// </summary>
public class SecurityFailureTests
{
    private static readonly CosemAttributeDescriptor ClockTime = new(8, SecureLoopbackMeter.ClockName, 2);
    private static readonly byte[] WrongKey = Convert.FromHexString("0F0E0D0C0B0A09080706050403020100");

    public static TheoryData<bool> Transports => new() { false, true };

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_wrong_block_cipher_key_is_refused_at_association(bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Gmac, SecuritySuite.Suite0, SecurityPolicy.AuthenticatedEncrypted);
        var security = meter.ClientSecurity(keys: new CipheringKeys(SecuritySuite.Suite0, WrongKey, SecureLoopbackMeter.AuthKey128));
        var refused = await Assert.ThrowsAsync<CosemAssociationException>(() => meter.ConnectManagementAsync(hdlc, security));
        Assert.Equal(AssociationResult.RejectedPermanent, refused.Result);
        Assert.Equal(ApplicationReferenceError.DecipheringError, refused.InitiateError?.ApplicationReferenceError);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_wrong_authentication_key_is_refused_at_association(bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Gmac, SecuritySuite.Suite0, SecurityPolicy.Authenticated);
        var security = meter.ClientSecurity(keys: new CipheringKeys(SecuritySuite.Suite0, SecureLoopbackMeter.Key128, WrongKey));
        var refused = await Assert.ThrowsAsync<CosemAssociationException>(() => meter.ConnectManagementAsync(hdlc, security));
        Assert.Equal(ApplicationReferenceError.DecipheringError, refused.InitiateError?.ApplicationReferenceError);
    }

    [Theory]
    [InlineData(Mechanism.Md5, false)]
    [InlineData(Mechanism.Sha1, true)]
    [InlineData(Mechanism.Sha256, false)]
    [InlineData(Mechanism.Sha256, true)]
    public async Task A_wrong_hls_secret_fails_pass_3(Mechanism mechanism, bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(mechanism, SecuritySuite.Suite0, SecurityPolicy.AuthenticatedEncrypted);
        var security = meter.ClientSecurity(secret: "not the secret"u8.ToArray());
        var refused = await Assert.ThrowsAsync<CosemAssociationException>(() => meter.ConnectManagementAsync(hdlc, security));
        Assert.Equal(SecurityFailure.HlsVerificationFailed, refused.SecurityFailure);
        Assert.DoesNotContain("not the secret", refused.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Hls_gmac_without_ciphering_fails_with_a_wrong_key(bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Gmac, SecuritySuite.Suite0, SecurityPolicy.None);
        var security = meter.ClientSecurity(keys: new CipheringKeys(SecuritySuite.Suite0, WrongKey, SecureLoopbackMeter.AuthKey128));
        var refused = await Assert.ThrowsAsync<CosemAssociationException>(() => meter.ConnectManagementAsync(hdlc, security));
        Assert.Equal(SecurityFailure.HlsVerificationFailed, refused.SecurityFailure);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_wrong_lls_password_is_refused(bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Low, SecuritySuite.Suite0, SecurityPolicy.AuthenticatedEncrypted);
        var options = meter.ManagementOptions(meter.ClientSecurity(), password: "87654321");
        var refused = await Assert.ThrowsAsync<CosemAssociationException>(() => CosemClient.ConnectAsync(meter.Transport(hdlc), options));
        Assert.Equal(AcseServiceUserDiagnostic.AuthenticationFailure, refused.Diagnostic.ServiceUserDiagnostic);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task An_ecdsa_signature_from_another_key_fails_pass_3(bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Ecdsa, SecuritySuite.Suite1, SecurityPolicy.AuthenticatedEncrypted);
        var impostor = EccKeyPair.Generate(EccCurve.P256);
        var security = new ClientSecurity(new SecurityContext
        {
            Suite = SecuritySuite.Suite1,
            Policy = SecurityPolicy.AuthenticatedEncrypted,
            SystemTitle = SecureLoopbackMeter.ClientTitle,
            Keys = SecureLoopbackMeter.Keys(SecuritySuite.Suite1),
            KeyPair = impostor,
            PeerPublicKey = meter.ServerKey!.PublicKey,
        });
        var refused = await Assert.ThrowsAsync<CosemAssociationException>(() => meter.ConnectManagementAsync(hdlc, security));
        Assert.Equal(SecurityFailure.HlsVerificationFailed, refused.SecurityFailure);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_meter_that_signs_with_another_key_fails_pass_4(bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Ecdsa, SecuritySuite.Suite1, SecurityPolicy.AuthenticatedEncrypted);
        var security = new ClientSecurity(new SecurityContext
        {
            Suite = SecuritySuite.Suite1,
            Policy = SecurityPolicy.AuthenticatedEncrypted,
            SystemTitle = SecureLoopbackMeter.ClientTitle,
            Keys = SecureLoopbackMeter.Keys(SecuritySuite.Suite1),
            KeyPair = meter.ClientKey,
            PeerPublicKey = EccKeyPair.Generate(EccCurve.P256).PublicKey,
        });
        var refused = await Assert.ThrowsAsync<CosemAssociationException>(() => meter.ConnectManagementAsync(hdlc, security));
        Assert.Equal(SecurityFailure.HlsVerificationFailed, refused.SecurityFailure);
        Assert.Contains("meter's answer", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_tampered_request_tag_is_answered_with_a_deciphering_error(bool hdlc)
    {
        using var failures = new Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<long>(
            Cosem.Sdk.Diagnostics.CosemTelemetry.Meter, "cosem.protection.failures");
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Gmac, SecuritySuite.Suite0, SecurityPolicy.AuthenticatedEncrypted);
        TamperingChannel? channel = null;
        await using var client = await CosemClient.ConnectAsync(TamperingChannel.Wrap(meter.Transport(hdlc), c => channel = c),
            meter.ManagementOptions(meter.ClientSecurity()));
        channel!.FlipNextSent = true;
        var refused = await Assert.ThrowsAsync<CosemExceptionResponseException>(() => client.GetDataAsync(ClockTime).AsTask());
        Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
        Assert.Contains(failures.GetMeasurementSnapshot(), m => Equals(m.Tags["cosem.side"], "server")
            && Equals(m.Tags["cosem.refusal.reason"], "deciphering-error")); // counted as a protection failure
        await meter.ExerciseAsync(client); // a forged APDU costs that request only
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_tampered_response_tag_is_rejected_by_the_client(bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Gmac, SecuritySuite.Suite2, SecurityPolicy.Authenticated);
        TamperingChannel? channel = null;
        await using var client = await CosemClient.ConnectAsync(TamperingChannel.Wrap(meter.Transport(hdlc), c => channel = c),
            meter.ManagementOptions(meter.ClientSecurity()));
        channel!.FlipNextReceived = true;
        var rejected = await Assert.ThrowsAsync<CosemSecurityException>(() => client.GetDataAsync(ClockTime).AsTask());
        Assert.Equal(SecurityFailure.AuthenticationFailed, rejected.Failure);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_request_replayed_on_a_fresh_connection_is_refused_with_an_invocation_counter_error(bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Gmac, SecuritySuite.Suite0, SecurityPolicy.AuthenticatedEncrypted);
        var security = meter.ClientSecurity();
        TamperingChannel? first = null;
        await using (var client = await CosemClient.ConnectAsync(TamperingChannel.Wrap(meter.Transport(hdlc), c => first = c), meter.ManagementOptions(security)))
        {
            await client.GetDataAsync(ClockTime);
        }
        var captured = first!.Sent.Last(apdu => apdu[0] == (byte)ApduTag.GloGetRequest);

        TamperingChannel? second = null;
        await using var replaying = await CosemClient.ConnectAsync(TamperingChannel.Wrap(meter.Transport(hdlc), c => second = c), meter.ManagementOptions(security));
        second!.ReplaceNextSent = captured;
        var refused = await Assert.ThrowsAsync<CosemExceptionResponseException>(() => replaying.GetDataAsync(ClockTime).AsTask());
        Assert.Equal(ExceptionServiceError.InvocationCounterError, refused.ServiceError);
        Assert.Equal(meter.Security.LastClientInvocationCounter + 1, refused.InvocationCounter);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_client_with_a_stale_counter_is_refused_at_association(bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Gmac, SecuritySuite.Suite0, SecurityPolicy.AuthenticatedEncrypted);
        await using (var client = await meter.ConnectManagementAsync(hdlc))
        {
            await meter.ExerciseAsync(client);
        }
        // A second client whose counter store starts again at 1 under the same key.
        var refused = await Assert.ThrowsAsync<CosemAssociationException>(() => meter.ConnectManagementAsync(hdlc, meter.ClientSecurity()));
        Assert.Equal(ApplicationReferenceError.DecipheringError, refused.InitiateError?.ApplicationReferenceError);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_client_system_title_the_meter_does_not_admit_is_refused(bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Gmac, SecuritySuite.Suite0, SecurityPolicy.AuthenticatedEncrypted);
        meter.Security.ClientSystemTitle = SecureLoopbackMeter.ClientTitle;
        var security = meter.ClientSecurity(clientTitle: SystemTitle.Parse("4D4D4D0000BC614F"));
        var refused = await Assert.ThrowsAsync<CosemAssociationException>(() => meter.ConnectManagementAsync(hdlc, security));
        Assert.Equal(AcseServiceUserDiagnostic.CallingApTitleNotRecognized, refused.Diagnostic.ServiceUserDiagnostic);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_meter_with_another_system_title_than_expected_is_refused_by_the_client(bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Gmac, SecuritySuite.Suite0, SecurityPolicy.AuthenticatedEncrypted);
        var security = meter.ClientSecurity(expectedServer: SystemTitle.Parse("4D4D4D0000000002"));
        var refused = await Assert.ThrowsAsync<CosemAssociationException>(() => meter.ConnectManagementAsync(hdlc, security));
        Assert.Equal(SecurityFailure.InvalidSystemTitle, refused.SecurityFailure);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_client_without_ciphering_is_refused_when_the_policy_demands_it(bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Low, SecuritySuite.Suite0, SecurityPolicy.Authenticated);
        var options = new AssociationOptions { ClientAddress = 1, Authentication = Authentication.Low(SecureLoopbackMeter.Password) };
        var refused = await Assert.ThrowsAsync<CosemAssociationException>(() => CosemClient.ConnectAsync(meter.Transport(hdlc), options));
        Assert.Equal(AcseServiceUserDiagnostic.ApplicationContextNameNotSupported, refused.Diagnostic.ServiceUserDiagnostic);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task An_unciphered_request_in_a_ciphered_association_is_refused(bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Gmac, SecuritySuite.Suite0, SecurityPolicy.AuthenticatedEncrypted);
        TamperingChannel? channel = null;
        await using var client = await CosemClient.ConnectAsync(TamperingChannel.Wrap(meter.Transport(hdlc), c => channel = c),
            meter.ManagementOptions(meter.ClientSecurity()));
        channel!.ReplaceNextSent = new GetRequestNormal(new InvokeIdAndPriority(1, true, true), ClockTime, null).ToArray();
        var refused = await Assert.ThrowsAsync<CosemExceptionResponseException>(() => client.GetDataAsync(ClockTime).AsTask());
        Assert.Equal(ExceptionServiceError.OperationNotPossible, refused.ServiceError);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task An_authenticated_only_request_is_refused_under_an_encryption_policy(bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Gmac, SecuritySuite.Suite0, SecurityPolicy.AuthenticatedEncrypted);
        var weaker = new ClientSecurity(new SecurityContext
        {
            Policy = SecurityPolicy.Authenticated,
            SystemTitle = SecureLoopbackMeter.ClientTitle,
            Keys = SecureLoopbackMeter.Keys(SecuritySuite.Suite0),
        });
        var refused = await Assert.ThrowsAsync<CosemAssociationException>(() => meter.ConnectManagementAsync(hdlc, weaker));
        Assert.Equal(ApplicationReferenceError.DecipheringError, refused.InitiateError?.ApplicationReferenceError);
    }

    [Fact]
    public async Task A_dedicated_key_is_never_sent_without_encryption()
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Gmac, SecuritySuite.Suite0, SecurityPolicy.Authenticated);
        var failure = await Assert.ThrowsAsync<CosemSecurityException>(() => meter.ConnectManagementAsync(false, meter.ClientSecurity(dedicated: true)));
        Assert.Equal(SecurityFailure.UnsupportedProtection, failure.Failure);
    }
}
