using Cosem.Sdk.Apdu;
using Cosem.Sdk.Security;
using static Cosem.Sdk.Tests.Server.ServerProtectionHarness;

namespace Cosem.Sdk.Tests.Server;

/// <summary>
/// The server's side of general-signing (tag 223) and general-ciphering (tag 221) requests, driven directly: what is
/// verified and opened, how the answer is signed or ciphered (originator, recipient, transaction-id, control byte,
/// counter), and every refusal with its EXCEPTION-Response and logged reason (IEC 62056-5-3 §9.2.7.2.4.8, §9.2.7.2.5).
/// Written against the mutants Stryker.NET left in ServerProtection.General.cs (docs/mutation-testing.md).
/// </summary>
public sealed class ServerProtectionGeneralTests
{
    private static readonly SystemTitle Stranger = SystemTitle.Parse("4D4D4D0000BC614F");
    private static readonly byte[] TransactionId = Convert.FromHexString("0102030405060708");

    // ---- general-signing ----

    private static (ServerProtectionHarness Harness, EccKeyPair ClientKey, EccKeyPair ServerKey) Signing()
    {
        var harness = new ServerProtectionHarness(suite: SecuritySuite.Suite1);
        var clientKey = EccKeyPair.Generate(EccCurve.P256);
        var serverKey = EccKeyPair.Generate(EccCurve.P256);
        harness.Security.SigningKey = serverKey;
        harness.Security.ClientSigningKey = clientKey.PublicKey;
        return (harness, clientKey, serverKey);
    }

    private static byte[] Signed(EccKeyPair key, ReadOnlyMemory<byte> content, SystemTitle? originator = null, SystemTitle? recipient = null) =>
        GeneralSigningProtection.Sign(new GeneralProtectionHeader(originator ?? ClientTitle, recipient ?? ServerTitle, TransactionId), key, content).ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_signed_request_is_served_and_its_answer_signed_by_the_server_for_the_client(bool required)
    {
        var (harness, clientKey, serverKey) = Signing();
        harness.Security.RequireGeneralSigning = required;
        var answer = await harness.SendAsync(Signed(clientKey, harness.Protect(Get, 5)));
        Assert.Equal(Get, Assert.Single(harness.Served));
        var signed = Assert.IsType<GeneralSigning>(ApduDecoder.DecodeXdlms(answer));
        Assert.Equal(ServerTitle.ToArray(), signed.OriginatorSystemTitle.ToArray());
        Assert.Equal(ClientTitle.ToArray(), signed.RecipientSystemTitle.ToArray());
        Assert.Equal(TransactionId, signed.TransactionId.ToArray());
        var content = GeneralSigningProtection.Verify(signed, serverKey.PublicKey).ToArray();
        Assert.Equal(PlainAnswer, Open(content, harness.Unicast, out var envelope, out _));
        Assert.Equal(ApduTag.GloGetResponse, envelope.Tag);

        // The next signed answer holds that request's answer only (the session's buffer starts again).
        var next = Assert.IsType<GeneralSigning>(ApduDecoder.DecodeXdlms(await harness.SendAsync(Signed(clientKey, harness.Protect(Get, 6)))));
        Assert.Equal(PlainAnswer, Open(GeneralSigningProtection.Verify(next, serverKey.PublicKey).ToArray(), harness.Unicast, out _, out _));
    }

    [Fact]
    public async Task A_signed_unconfirmed_request_gets_no_answer()
    {
        var (harness, clientKey, _) = Signing();
        harness.Answer = [];
        Assert.Empty(await harness.SendAsync(Signed(clientKey, harness.Protect(Get, 5))));
        Assert.Single(harness.Served);
    }

    [Fact]
    public async Task A_signed_request_without_a_client_title_is_refused()
    {
        var harness = new ServerProtectionHarness(suite: SecuritySuite.Suite1, withClientTitle: false);
        var refused = await harness.RefusedAsync(Signed(EccKeyPair.Generate(EccCurve.P256), Get));
        Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
        Assert.Contains("no client system title to open the request with", harness.LoggedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_request_from_another_originator_is_refused()
    {
        var (harness, clientKey, _) = Signing();
        var refused = await harness.RefusedAsync(Signed(clientKey, harness.Protect(Get, 5), originator: Stranger));
        Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
        Assert.Contains($"originator-system-title is not the client's {ClientTitle}", harness.LoggedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_request_for_another_recipient_is_refused()
    {
        var (harness, clientKey, _) = Signing();
        var refused = await harness.RefusedAsync(Signed(clientKey, harness.Protect(Get, 5), recipient: Stranger));
        Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
        Assert.Contains($"recipient-system-title is not the server's {ServerTitle}", harness.LoggedReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7, 8, "originator-system-title is not the client's")]
    [InlineData(8, 7, "recipient-system-title is not the server's")]
    [InlineData(9, 8, "originator-system-title is not the client's")]
    public async Task A_signed_request_with_a_title_of_another_length_is_refused(int originatorLength, int recipientLength, string reason)
    {
        var (harness, _, _) = Signing();
        var request = new GeneralSigning(TransactionId, Title(ClientTitle, originatorLength), Title(ServerTitle, recipientLength), default, default,
            harness.Protect(Get, 5), new byte[64]).ToArray();
        var refused = await harness.RefusedAsync(request);
        Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
        Assert.Contains(reason, harness.LoggedReason, StringComparison.Ordinal);
    }

    // The title's bytes cut or padded to length: a prefix (or extension) of the right title, so only the length is wrong.
    private static byte[] Title(SystemTitle title, int length)
    {
        var bytes = new byte[length];
        title.ToArray().AsSpan(0, Math.Min(length, SystemTitle.Length)).CopyTo(bytes);
        return bytes;
    }

    [Fact]
    public async Task A_signed_request_is_refused_while_no_client_signing_key_is_configured()
    {
        var (harness, clientKey, _) = Signing();
        harness.Security.ClientSigningKey = null;
        var refused = await harness.RefusedAsync(Signed(clientKey, harness.Protect(Get, 5)));
        Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
        Assert.Contains("general-signing request, but no client signing key is configured for the association", harness.LoggedReason,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_request_is_refused_while_the_server_has_no_signing_key()
    {
        var (harness, clientKey, _) = Signing();
        harness.Security.SigningKey = null;
        var refused = await harness.RefusedAsync(Signed(clientKey, harness.Protect(Get, 5)));
        Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
        Assert.Contains("general-signing request, but the server has no signing key to sign its answer", harness.LoggedReason,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_signed_by_another_key_is_refused()
    {
        var (harness, _, _) = Signing();
        var refused = await harness.RefusedAsync(Signed(EccKeyPair.Generate(EccCurve.P256), harness.Protect(Get, 5)));
        Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
    }

    [Fact]
    public async Task A_malformed_signed_request_is_refused_with_a_deciphering_error()
    {
        var (harness, _, _) = Signing();
        var refused = await harness.RefusedAsync([(byte)ApduTag.GeneralSigning, 0x08, 0x01]);
        Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
        Assert.Contains($"malformed {nameof(GeneralSigning)}: ", harness.LoggedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_request_holding_nothing_is_refused()
    {
        var (harness, clientKey, _) = Signing();
        var refused = await harness.RefusedAsync(Signed(clientKey, ReadOnlyMemory<byte>.Empty));
        Assert.Equal(ExceptionServiceError.OtherReason, refused.ServiceError);
        Assert.Contains("a general-signing APDU must hold one other APDU", harness.LoggedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_request_holding_another_signed_request_is_refused()
    {
        var (harness, clientKey, _) = Signing();
        var refused = await harness.RefusedAsync(Signed(clientKey, Signed(clientKey, harness.Protect(Get, 5))));
        Assert.Equal(ExceptionServiceError.OtherReason, refused.ServiceError);
        Assert.Contains("a general-signing APDU must hold one other APDU", harness.LoggedReason, StringComparison.Ordinal);
    }

    // ---- general-ciphering ----

    private static byte[] Ciphered(ServerProtectionHarness harness, byte[] plain, uint counter, bool authenticated = true, bool encrypted = true,
        SystemTitle? originator = null, SystemTitle? recipient = null)
    {
        using var keyring = new GeneralCipheringKeyring(harness.Keys.Suite) { Keys = harness.Keys };
        return GeneralCipheringProtection.Protect(new GeneralProtectionHeader(originator ?? ClientTitle, recipient ?? ServerTitle, TransactionId),
            GeneralCipheringKeyMode.GlobalUnicastKey, keyring, SecurityControlByte.Create(harness.Keys.Suite, authenticated, encrypted), counter,
            plain).ToArray();
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task A_general_ciphering_request_is_answered_in_general_ciphering_with_its_protection(bool authenticated, bool encrypted)
    {
        var harness = new ServerProtectionHarness(SecurityPolicy.None);
        var answer = await harness.SendAsync(Ciphered(harness, Get, 5, authenticated, encrypted));
        Assert.Equal(Get, Assert.Single(harness.Served));
        Assert.Equal(5u, harness.Security.LastClientInvocationCounter);
        var ciphering = Assert.IsType<GeneralCiphering>(ApduDecoder.DecodeXdlms(answer));
        Assert.Equal(ServerTitle.ToArray(), ciphering.OriginatorSystemTitle.ToArray());
        Assert.Equal(ClientTitle.ToArray(), ciphering.RecipientSystemTitle.ToArray());
        Assert.Equal(TransactionId, ciphering.TransactionId.ToArray());
        Assert.Equal(KeyInfoKind.IdentifiedKey, ciphering.KeyInfo!.Value.Kind);
        using var keyring = new GeneralCipheringKeyring(SecuritySuite.Suite0) { Keys = harness.Keys };
        Assert.Equal(PlainAnswer, GeneralCipheringProtection.Unprotect(ciphering, keyring, out var header));
        Assert.Equal(SecurityControlByte.Create(SecuritySuite.Suite0, authenticated, encrypted), header.Control);
        Assert.Equal(1u, header.InvocationCounter);
    }

    [Fact]
    public async Task A_general_ciphering_unconfirmed_request_gets_no_answer()
    {
        var harness = new ServerProtectionHarness { Answer = [] };
        Assert.Empty(await harness.SendAsync(Ciphered(harness, Get, 5)));
        Assert.Single(harness.Served);
        Assert.Equal(1u, await harness.Security.NextServerInvocationCounterAsync());
    }

    [Fact]
    public async Task A_general_ciphering_request_without_a_client_title_is_refused()
    {
        var harness = new ServerProtectionHarness(withClientTitle: false);
        var refused = await harness.RefusedAsync(Ciphered(harness, Get, 5));
        Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
        Assert.Contains("no client system title to open the request with", harness.LoggedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_general_ciphering_request_from_another_originator_is_refused()
    {
        var harness = new ServerProtectionHarness();
        var refused = await harness.RefusedAsync(Ciphered(harness, Get, 5, originator: Stranger));
        Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
        Assert.Contains($"originator-system-title is not the client's {ClientTitle}", harness.LoggedReason, StringComparison.Ordinal);
        Assert.Null(harness.Security.LastClientInvocationCounter);
    }

    [Fact]
    public async Task A_general_ciphering_request_for_another_recipient_is_refused()
    {
        var harness = new ServerProtectionHarness();
        var refused = await harness.RefusedAsync(Ciphered(harness, Get, 5, recipient: Stranger));
        Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
        Assert.Contains($"recipient-system-title is not the server's {ServerTitle}", harness.LoggedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_general_ciphering_request_is_refused_with_a_deciphering_error()
    {
        var harness = new ServerProtectionHarness();
        var refused = await harness.RefusedAsync([(byte)ApduTag.GeneralCiphering, 0x08, 0x01]);
        Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
        Assert.Contains($"malformed {nameof(GeneralCiphering)}: ", harness.LoggedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_general_ciphering_request_protected_less_than_the_policy_demands_is_refused()
    {
        var harness = new ServerProtectionHarness();
        var refused = await harness.RefusedAsync(Ciphered(harness, Get, 5, encrypted: false));
        Assert.Equal(ExceptionServiceError.OperationNotPossible, refused.ServiceError);
        Assert.Null(harness.Security.LastClientInvocationCounter);
    }

    [Fact]
    public async Task A_replayed_general_ciphering_request_is_refused_with_the_next_counter()
    {
        var harness = new ServerProtectionHarness();
        var request = Ciphered(harness, Get, 5);
        await harness.SendAsync(request);
        harness.Served.Clear();
        var refused = await harness.RefusedAsync(request);
        Assert.Equal(ExceptionServiceError.InvocationCounterError, refused.ServiceError);
        Assert.Equal(6u, refused.InvocationCounter);
    }

    [Fact]
    public async Task A_stale_general_ciphering_counter_is_refused_before_the_request_is_opened()
    {
        var harness = new ServerProtectionHarness();
        await harness.SendAsync(Ciphered(harness, Get, 5));
        harness.Served.Clear();
        var forged = Ciphered(harness, Get, 4);
        forged[^1] ^= 0x01; // would not open either: the counter is checked first, without deciphering
        var refused = await harness.RefusedAsync(forged);
        Assert.Equal(ExceptionServiceError.InvocationCounterError, refused.ServiceError);
        Assert.Equal(6u, refused.InvocationCounter);
    }

    [Fact]
    public async Task A_tampered_general_ciphering_request_is_refused_without_moving_the_replay_window()
    {
        var harness = new ServerProtectionHarness();
        var tampered = Ciphered(harness, Get, 5);
        tampered[^1] ^= 0x01;
        var refused = await harness.RefusedAsync(tampered);
        Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
        Assert.Null(harness.Security.LastClientInvocationCounter);
    }

    [Theory]
    [InlineData("")]
    [InlineData("DD00")] // general-ciphering in general-ciphering
    [InlineData("DF00")] // general-signing in general-ciphering
    [InlineData("C8023000")] // a glo- envelope in general-ciphering
    public async Task A_general_ciphering_request_must_hold_a_plain_request(string plainHex)
    {
        var harness = new ServerProtectionHarness();
        var refused = await harness.RefusedAsync(Ciphered(harness, Convert.FromHexString(plainHex), 5));
        Assert.Equal(ExceptionServiceError.OtherReason, refused.ServiceError);
        Assert.Contains("a protected APDU must hold a plain request", harness.LoggedReason, StringComparison.Ordinal);
    }
}
