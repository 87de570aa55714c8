using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;
using Cosem.Sdk.Tests.Server;
using static Cosem.Sdk.Tests.Security.GcmReference;

namespace Cosem.Sdk.Tests.Objects;

/// <summary>The Security setup served by a <see cref="CosemServer"/>: key changes wait for the ACTION response.</summary>
public class SecuritySetupSessionTests
{
    private static readonly byte[] MasterKey = Hex("000102030405060708090A0B0C0D0E0F");

    [Fact]
    public async Task Transferred_keys_apply_only_after_the_action_response_is_sent()
    {
        var security = new AssociationSecurity(SystemTitle.Parse("4D4D4D0000000001"),
            new CipheringKeys(SecuritySuite.Suite0, MasterKey, Hex("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF")), SecurityPolicy.None);
        using var setup = new SecuritySetupServer(SecuritySetupServer.DefaultLogicalName, security, MasterKey);
        var before = security.Keys;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The change blocks until the test saw the response: a change made before sending would hold the response back.
        security.Changed += (_, _) =>
        {
            release.Task.Wait(TimeSpan.FromSeconds(20));
            changed.TrySetResult();
        };
        await using var harness = new ServerHarness();
        harness.Device.Add(setup);
        await using var client = await harness.ConnectAsync(client: 1);
        await client.AssociateAsync(ServerHarness.Aarq("12345678"));

        var newKey = Hex("00112233445566778899AABBCCDDEEFF");
        var response = await client.RequestAsync<ActionResponseNormal>(KeyTransfer(AesKeyWrap.Wrap(MasterKey, newKey)))
            .WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ActionResult.Success, response.Response.Result);
        release.SetResult();
        await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotSame(before, security.Keys);
        Assert.Equal(newKey, security.Keys!.GlobalUnicastKey.ToArray());
    }

    [Fact]
    public async Task A_bad_wrapped_key_is_answered_other_reason_and_changes_nothing()
    {
        var security = new AssociationSecurity(SystemTitle.Parse("4D4D4D0000000001"),
            new CipheringKeys(SecuritySuite.Suite0, MasterKey, Hex("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF")), SecurityPolicy.None);
        using var setup = new SecuritySetupServer(SecuritySetupServer.DefaultLogicalName, security, MasterKey);
        var before = security.Keys;
        await using var harness = new ServerHarness();
        harness.Device.Add(setup);
        await using var client = await harness.ConnectAsync(client: 1);
        await client.AssociateAsync(ServerHarness.Aarq("12345678"));

        var wrongKek = AesKeyWrap.Wrap(Hex("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"), Hex("00112233445566778899AABBCCDDEEFF"));
        var response = await client.RequestAsync<ActionResponseNormal>(KeyTransfer(wrongKek));
        Assert.Equal(ActionResult.OtherReason, response.Response.Result);
        // A following request on the same session is served, and the keys are the old ones.
        var again = await client.RequestAsync<ActionResponseNormal>(KeyTransfer(wrongKek));
        Assert.Equal(ActionResult.OtherReason, again.Response.Result);
        Assert.Same(before, security.Keys);
    }

    private static ActionRequestNormal KeyTransfer(byte[] wrapped)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AxdrWriter(buffer);
        writer.WriteArrayHeader(1);
        new KeyTransferItem(SecurityKeyId.GlobalUnicastEncryptionKey, wrapped).Encode(ref writer);
        writer.Flush();
        return new ActionRequestNormal(new InvokeIdAndPriority(1, true, true),
            new CosemMethodDescriptor(SecuritySetup.ClassInfo.ClassId, SecuritySetupServer.DefaultLogicalName, 2), buffer.WrittenMemory);
    }
}
