using Cosem.Sdk.Client;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Tests.EndToEnd;

/// <summary>
/// Every authentication mechanism and every security suite and policy between our client and our server over
/// loopback, on both transports (wrapper over TCP, HDLC over TCP).
/// </summary>
public class SecurityEndToEndTests
{
    public static TheoryData<Mechanism, SecuritySuite, bool> Mechanisms()
    {
        var data = new TheoryData<Mechanism, SecuritySuite, bool>();
        foreach (var hdlc in new[] { false, true })
        {
            foreach (var mechanism in Enum.GetValues<Mechanism>())
            {
                data.Add(mechanism, mechanism == Mechanism.Ecdsa ? SecuritySuite.Suite1 : SecuritySuite.Suite0, hdlc);
            }
            data.Add(Mechanism.Ecdsa, SecuritySuite.Suite2, hdlc);
        }
        return data;
    }

    public static TheoryData<SecuritySuite, SecurityPolicy, bool> SuitesAndPolicies()
    {
        var data = new TheoryData<SecuritySuite, SecurityPolicy, bool>();
        foreach (var hdlc in new[] { false, true })
        {
            foreach (var suite in Enum.GetValues<SecuritySuite>())
            {
                foreach (var policy in Enum.GetValues<SecurityPolicy>())
                {
                    data.Add(suite, policy, hdlc);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Mechanisms))]
    public async Task Every_mechanism_opens_a_ciphered_association(Mechanism mechanism, SecuritySuite suite, bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(mechanism, suite, SecurityPolicy.AuthenticatedEncrypted);
        await using var client = await meter.ConnectManagementAsync(hdlc);
        await meter.ExerciseAsync(client);
        await client.ReleaseAsync();
    }

    [Theory]
    [MemberData(nameof(SuitesAndPolicies))]
    public async Task Every_suite_and_policy_carries_every_service_with_hls_gmac(SecuritySuite suite, SecurityPolicy policy, bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Gmac, suite, policy);
        await using var client = await meter.ConnectManagementAsync(hdlc);
        await meter.ExerciseAsync(client);
        // One counter per protected client APDU, plus the HLS-GMAC f(CtoS) that takes its own: the AARQ's initiate request,
        // f(CtoS), the reply_to_HLS action, then GET clock, GET energy, SET blob, GET blob and the ACTION = 8. Without
        // ciphering only f(CtoS) uses one.
        Assert.Equal(policy == SecurityPolicy.None ? 1u : 8u, meter.Security.LastClientInvocationCounter);
        await client.ReleaseAsync();
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, true, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    [InlineData(true, true, true)]
    public async Task Dedicated_keys_and_general_ciphering_work_on_both_transports(bool dedicated, bool general, bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Gmac, SecuritySuite.Suite0, SecurityPolicy.AuthenticatedEncrypted);
        await using var client = await meter.ConnectManagementAsync(hdlc, meter.ClientSecurity(dedicated: dedicated, general: general));
        await meter.ExerciseAsync(client);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_client_continues_above_the_counter_read_from_the_public_client(bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Gmac, SecuritySuite.Suite0, SecurityPolicy.AuthenticatedEncrypted);
        await using (var first = await meter.ConnectManagementAsync(hdlc))
        {
            await meter.ExerciseAsync(first);
        }
        var used = meter.Security.LastClientInvocationCounter!.Value;

        // A second head-end process with a fresh (in-memory) store would start at 1 and be refused; reading the counter first avoids it.
        var security = meter.ClientSecurity();
        await using (var publicClient = await CosemClient.ConnectAsync(meter.Transport(hdlc), new AssociationOptions { ClientAddress = 16 }))
        {
            Assert.Equal(used, await security.SynchronizeInvocationCounterAsync(publicClient));
        }
        await using var second = await meter.ConnectManagementAsync(hdlc, security);
        await meter.ExerciseAsync(second);
        Assert.True(meter.Security.LastClientInvocationCounter > used);
    }
}
