using Cosem.Sdk.Apdu;
using Cosem.Sdk.Security;
using Cosem.Sdk.Tests.EndToEnd;
using static Cosem.Sdk.Tests.Server.ServerProtectionHarness;

namespace Cosem.Sdk.Tests.Server;

/// <summary>
/// The server's protection of glo-, ded- and general-glo/ded-ciphering requests, driven directly (not through a
/// socket): which key opens a request, which key, tag, control byte and counter protect its answer, and every refusal
/// with its EXCEPTION-Response and logged reason (IEC 62056-5-3 §9.2.7.2.4, §9.5). Written against the mutants
/// Stryker.NET left in ServerProtection.cs (docs/mutation-testing.md).
/// </summary>
public sealed class ServerProtectionTests
{
    private static readonly byte[] DedicatedKey = Convert.FromHexString("101112131415161718191A1B1C1D1E1F");
    private static readonly byte[] BroadcastKey = Convert.FromHexString("202122232425262728292A2B2C2D2E2F");
    private static readonly SystemTitle Stranger = SystemTitle.Parse("4D4D4D0000BC614F");

    [Fact]
    public async Task Without_association_security_the_request_goes_to_the_handler_as_it_came()
    {
        var harness = new ServerProtectionHarness(withSecurity: false);
        Assert.Equal(PlainAnswer, await harness.SendAsync(Get));
        Assert.Equal(Get, Assert.Single(harness.Served));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task A_glo_request_is_answered_with_its_protection_the_server_title_and_the_next_counter(bool authenticated, bool encrypted)
    {
        var harness = new ServerProtectionHarness(SecurityPolicy.None);
        var answer = await harness.SendAsync(harness.Protect(Get, 5, authenticated: authenticated, encrypted: encrypted));
        Assert.Equal(Get, Assert.Single(harness.Served));
        Assert.Equal(PlainAnswer, Open(answer, harness.Unicast, out var envelope, out var header));
        Assert.Equal(ApduTag.GloGetResponse, envelope.Tag);
        Assert.Equal(SecurityControlByte.Create(SecuritySuite.Suite0, authenticated, encrypted), header.Control);
        Assert.Equal(1u, header.InvocationCounter); // the server's first counter
        Assert.Equal(5u, harness.Security.LastClientInvocationCounter);

        var second = await harness.SendAsync(harness.Protect(Get, 6, authenticated: authenticated, encrypted: encrypted));
        Assert.Equal(PlainAnswer, Open(second, harness.Unicast, out _, out header)); // the session's buffers start again
        Assert.Equal(Get, harness.Served[1]);
        Assert.Equal(2u, header.InvocationCounter);
        Assert.Empty(harness.Logs.Lines);
    }

    [Fact]
    public async Task A_ded_request_is_opened_and_answered_under_the_dedicated_key()
    {
        var harness = new ServerProtectionHarness();
        using var dedicated = new ApduCipher(SecuritySuite.Suite0, DedicatedKey, SecureLoopbackMeter.AuthKey128);
        harness.Association.DedicatedCipher = dedicated;
        var answer = await harness.SendAsync(harness.Protect(Get, 5, ApduTag.DedGetRequest, cipher: dedicated));
        Assert.Equal(PlainAnswer, Open(answer, dedicated, out var envelope, out _));
        Assert.Equal(ApduTag.DedGetResponse, envelope.Tag);
    }

    [Fact]
    public async Task A_ded_request_without_a_dedicated_key_is_refused()
    {
        var harness = new ServerProtectionHarness();
        using var dedicated = new ApduCipher(SecuritySuite.Suite0, DedicatedKey, SecureLoopbackMeter.AuthKey128);
        var refused = await harness.RefusedAsync(harness.Protect(Get, 5, ApduTag.DedGetRequest, cipher: dedicated));
        Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
        Assert.Contains("no key for the request's key set", harness.LoggedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broadcast_request_is_opened_with_the_broadcast_key_and_answered_under_the_unicast_key()
    {
        var keys = new CipheringKeys(SecuritySuite.Suite0, SecureLoopbackMeter.Key128, SecureLoopbackMeter.AuthKey128, BroadcastKey);
        var harness = new ServerProtectionHarness(keys: keys);
        using var broadcast = keys.CreateCipher(CipheringKeyKind.GlobalBroadcast);
        var answer = await harness.SendAsync(harness.Protect(Get, 5, broadcast: true, cipher: broadcast));
        Assert.Equal(Get, Assert.Single(harness.Served));
        Assert.Equal(PlainAnswer, Open(answer, harness.Unicast, out _, out var header));
        Assert.False(header.Control.UsesBroadcastKey);
    }

    [Fact]
    public async Task A_broadcast_request_without_a_broadcast_key_is_refused()
    {
        var harness = new ServerProtectionHarness();
        var refused = await harness.RefusedAsync(harness.Protect(Get, 5, broadcast: true));
        Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
        Assert.Contains("no key for the request's key set", harness.LoggedReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_general_glo_or_ded_request_is_answered_in_the_same_envelope_with_the_server_title(bool dedicated)
    {
        var harness = new ServerProtectionHarness();
        using var ded = new ApduCipher(SecuritySuite.Suite0, DedicatedKey, SecureLoopbackMeter.AuthKey128);
        harness.Association.DedicatedCipher = ded;
        var tag = dedicated ? ApduTag.GeneralDedCiphering : ApduTag.GeneralGloCiphering;
        var cipher = dedicated ? ded : harness.Unicast;
        var answer = await harness.SendAsync(harness.Protect(Get, 5, tag, cipher: cipher));
        Assert.Equal(PlainAnswer, Open(answer, cipher, out var envelope, out _));
        Assert.Equal(tag, envelope.Tag);
        Assert.Equal(ServerTitle, envelope.SystemTitle);
    }

    [Fact]
    public async Task A_general_glo_request_carrying_another_title_than_the_clients_is_refused()
    {
        var harness = new ServerProtectionHarness();
        var refused = await harness.RefusedAsync(harness.Protect(Get, 5, ApduTag.GeneralGloCiphering, title: Stranger));
        Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
        Assert.Contains($"general-ciphering system title {Stranger} is not the client's {ClientTitle}", harness.LoggedReason, StringComparison.Ordinal);
        Assert.Null(harness.Security.LastClientInvocationCounter);
    }

    [Theory]
    [InlineData(false, ApduTag.GeneralGloCiphering)]
    [InlineData(true, ApduTag.GeneralDedCiphering)]
    public async Task An_answer_without_a_ciphered_tag_of_its_own_goes_in_general_ciphering(bool dedicated, ApduTag expected)
    {
        var harness = new ServerProtectionHarness { Answer = new ExceptionResponse(ExceptionStateError.ServiceUnknown, ExceptionServiceError.OtherReason).ToArray() };
        using var ded = new ApduCipher(SecuritySuite.Suite0, DedicatedKey, SecureLoopbackMeter.AuthKey128);
        harness.Association.DedicatedCipher = ded;
        var cipher = dedicated ? ded : harness.Unicast;
        var answer = await harness.SendAsync(harness.Protect(Get, 5, dedicated ? ApduTag.DedGetRequest : ApduTag.GloGetRequest, cipher: cipher));
        Assert.Equal(harness.Answer, Open(answer, cipher, out var envelope, out _));
        Assert.Equal(expected, envelope.Tag);
    }

    [Fact]
    public async Task An_unconfirmed_request_gets_no_answer_and_costs_no_server_counter()
    {
        var harness = new ServerProtectionHarness { Answer = [] };
        Assert.Empty(await harness.SendAsync(harness.Protect(Get, 5)));
        Assert.Equal(Get, Assert.Single(harness.Served));
        Assert.Equal(1u, await harness.Security.NextServerInvocationCounterAsync());
    }

    [Fact]
    public async Task A_plain_request_is_served_under_policy_none()
    {
        var harness = new ServerProtectionHarness(SecurityPolicy.None);
        Assert.Equal(PlainAnswer, await harness.SendAsync(Get));
        Assert.Equal(Get, Assert.Single(harness.Served));
    }

    [Theory]
    [InlineData(SecurityPolicy.Authenticated)]
    [InlineData(SecurityPolicy.AuthenticatedEncrypted)]
    public async Task A_plain_request_is_refused_under_a_protecting_policy(SecurityPolicy policy)
    {
        var harness = new ServerProtectionHarness(policy);
        var refused = await harness.RefusedAsync(Get);
        Assert.Equal(ExceptionServiceError.OperationNotPossible, refused.ServiceError);
        Assert.Contains($"unprotected {ApduTag.GetRequest} under security policy {policy}", harness.LoggedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_a_client_title_is_refused()
    {
        var harness = new ServerProtectionHarness(withClientTitle: false);
        var refused = await harness.RefusedAsync(harness.Protect(Get, 5));
        Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
        Assert.Contains("no client system title to open the request with", harness.LoggedReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("C810AA")] // the length announces 16 bytes, one follows
    [InlineData("C8023000")] // 2 bytes cannot hold the 5-byte security header
    public async Task A_malformed_envelope_is_refused_with_a_deciphering_error(string hex)
    {
        var harness = new ServerProtectionHarness();
        var refused = await harness.RefusedAsync(Convert.FromHexString(hex));
        Assert.Equal(ExceptionStateError.ServiceNotAllowed, refused.StateError);
        Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
        Assert.Null(harness.Security.LastClientInvocationCounter);
    }

    [Fact]
    public async Task A_request_protected_less_than_the_policy_demands_is_refused_before_opening()
    {
        var harness = new ServerProtectionHarness();
        var refused = await harness.RefusedAsync(harness.Protect(Get, 5, encrypted: false));
        Assert.Equal(ExceptionServiceError.OperationNotPossible, refused.ServiceError);
        var control = SecurityControlByte.Create(SecuritySuite.Suite0, true, false);
        Assert.Contains($"request protected with {control}, less than security policy {SecurityPolicy.AuthenticatedEncrypted}", harness.LoggedReason,
            StringComparison.Ordinal);
        Assert.Null(harness.Security.LastClientInvocationCounter);
    }

    [Fact]
    public async Task A_replayed_counter_is_refused_with_the_next_counter_the_server_accepts()
    {
        var harness = new ServerProtectionHarness();
        await harness.SendAsync(harness.Protect(Get, 5));
        harness.Served.Clear();
        var refused = await harness.RefusedAsync(harness.Protect(Get, 5));
        Assert.Equal(ExceptionServiceError.InvocationCounterError, refused.ServiceError);
        Assert.Equal(6u, refused.InvocationCounter);
    }

    [Fact]
    public async Task A_stale_counter_is_refused_before_the_request_is_opened()
    {
        var harness = new ServerProtectionHarness();
        await harness.SendAsync(harness.Protect(Get, 5));
        harness.Served.Clear();
        var forged = harness.Protect(Get, 4);
        forged[^1] ^= 0x01; // would not open either: the counter is checked first, without deciphering
        var refused = await harness.RefusedAsync(forged);
        Assert.Equal(ExceptionServiceError.InvocationCounterError, refused.ServiceError);
        Assert.Equal(6u, refused.InvocationCounter);
    }

    [Fact]
    public async Task After_the_highest_counter_the_counter_expected_is_zero()
    {
        var harness = new ServerProtectionHarness();
        harness.Security.AcceptClientCounter(ClientTitle, uint.MaxValue);
        var refused = await harness.RefusedAsync(harness.Protect(Get, 7));
        Assert.Equal(ExceptionServiceError.InvocationCounterError, refused.ServiceError);
        Assert.Equal(0u, refused.InvocationCounter);
    }

    [Fact]
    public async Task A_tampered_request_is_refused_without_moving_the_replay_window()
    {
        var harness = new ServerProtectionHarness();
        var tampered = harness.Protect(Get, 5);
        tampered[^1] ^= 0x01;
        var refused = await harness.RefusedAsync(tampered);
        Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
        Assert.Null(harness.Security.LastClientInvocationCounter);
        Assert.Equal(PlainAnswer, Open(await harness.SendAsync(harness.Protect(Get, 5)), harness.Unicast, out _, out _));
    }

    [Fact]
    public async Task A_protected_apdu_holding_nothing_is_refused()
    {
        var harness = new ServerProtectionHarness();
        var refused = await harness.RefusedAsync(harness.Protect([], 5));
        Assert.Equal(ExceptionServiceError.OtherReason, refused.ServiceError);
        Assert.Contains("a protected APDU must hold a plain request", harness.LoggedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_protected_apdu_holding_another_protected_apdu_is_refused()
    {
        var harness = new ServerProtectionHarness();
        var refused = await harness.RefusedAsync(harness.Protect(harness.Protect(Get, 4), 5));
        Assert.Equal(ExceptionServiceError.OtherReason, refused.ServiceError);
        Assert.Contains("a protected APDU must hold a plain request", harness.LoggedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Where_general_signing_is_required_an_unsigned_request_is_refused()
    {
        var harness = new ServerProtectionHarness();
        harness.Security.RequireGeneralSigning = true;
        var refused = await harness.RefusedAsync(harness.Protect(Get, 5));
        Assert.Equal(ExceptionServiceError.OperationNotPossible, refused.ServiceError);
        Assert.Contains($"unsigned {ApduTag.GloGetRequest} where general-signing is required", harness.LoggedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Where_general_signing_is_required_an_empty_apdu_is_named_as_such()
    {
        var harness = new ServerProtectionHarness();
        harness.Security.RequireGeneralSigning = true;
        var refused = await harness.RefusedAsync([]);
        Assert.Equal(ExceptionServiceError.OperationNotPossible, refused.ServiceError);
        Assert.Contains("unsigned empty APDU where general-signing is required", harness.LoggedReason, StringComparison.Ordinal);
    }
}
