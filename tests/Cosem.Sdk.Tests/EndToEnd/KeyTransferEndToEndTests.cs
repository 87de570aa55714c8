using Cosem.Sdk.Client;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Tests.EndToEnd;

/// <summary>
/// Security setup key_transfer between our client and our server over loopback (both transports): the ACTION
/// response still comes under the old keys, after which only the new keys open an association.
/// </summary>
public class KeyTransferEndToEndTests
{
    private static readonly byte[] MasterKey = Convert.FromHexString("00112233445566778899AABBCCDDEEFF");
    private static readonly byte[] NewUnicastKey = Convert.FromHexString("0F0E0D0C0B0A09080706050403020100");
    private static readonly byte[] NewAuthenticationKey = Convert.FromHexString("E0E1E2E3E4E5E6E7E8E9EAEBECEDEEEF");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Key_transfer_then_reconnect_with_the_new_keys(bool hdlc)
    {
        await using var meter = new SecureLoopbackMeter(Mechanism.Gmac, SecuritySuite.Suite0, SecurityPolicy.AuthenticatedEncrypted);
        using var setup = new SecuritySetupServer(SecuritySetupServer.DefaultLogicalName, meter.Security, MasterKey);
        meter.Device.Add(setup);
        await meter.Server.StartAsync();

        await using (var client = await meter.ConnectManagementAsync(hdlc))
        {
            var proxy = new SecuritySetup.Proxy(client, setup.LogicalName);
            // The response is decrypted with the old keys: had the server switched before answering, this would fail.
            await proxy.TransferKeysAsync(MasterKey, [
                new(SecurityKeyId.GlobalUnicastEncryptionKey, NewUnicastKey),
                new(SecurityKeyId.AuthenticationKey, NewAuthenticationKey)]);
        }
        await WaitForAsync(() => meter.Security.Keys!.GlobalUnicastKey.SequenceEqual(NewUnicastKey));

        var newKeys = new CipheringKeys(SecuritySuite.Suite0, NewUnicastKey, NewAuthenticationKey);
        await using (var renewed = await meter.ConnectManagementAsync(hdlc, meter.ClientSecurity(keys: newKeys)))
        {
            await meter.ExerciseAsync(renewed);
            Assert.Equal(SecuritySuite.Suite0, await new SecuritySetup.Proxy(renewed, setup.LogicalName).GetSecuritySuiteAsync());
        }
        await Assert.ThrowsAsync<CosemAssociationException>(() => meter.ConnectManagementAsync(hdlc));
    }

    [Fact]
    public async Task A_refused_key_transfer_keeps_the_association_and_the_keys()
    {
        await using var meter = new SecureLoopbackMeter(Mechanism.Gmac, SecuritySuite.Suite0, SecurityPolicy.AuthenticatedEncrypted);
        using var setup = new SecuritySetupServer(SecuritySetupServer.DefaultLogicalName, meter.Security, MasterKey);
        meter.Device.Add(setup);
        await meter.Server.StartAsync();
        var before = meter.Security.Keys;

        await using var client = await meter.ConnectManagementAsync(hdlc: false);
        var proxy = new SecuritySetup.Proxy(client, setup.LogicalName);
        var error = await Assert.ThrowsAsync<CosemServiceException>(() =>
            proxy.TransferKeyAsync(NewUnicastKey, SecurityKeyId.GlobalUnicastEncryptionKey, NewAuthenticationKey).AsTask());
        Assert.Equal(Cosem.Sdk.Apdu.ActionResult.OtherReason, error.ActionResult);
        await meter.ExerciseAsync(client);
        Assert.Same(before, meter.Security.Keys);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The new keys were not applied after the response.");
            await Task.Delay(10);
        }
    }
}
