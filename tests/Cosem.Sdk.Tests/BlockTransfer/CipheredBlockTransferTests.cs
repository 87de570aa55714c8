using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;
using Cosem.Sdk.Tests.EndToEnd;

namespace Cosem.Sdk.Tests.BlockTransfer;

/// <summary>
/// General block transfer under ciphering: the protected APDU (glo-, or general-ciphering) is what is split, and it
/// is joined before it is opened — both ways, requests and answers, over the wrapper and HDLC.
/// </summary>
public class CipheredBlockTransferTests
{
    private static readonly CosemAttributeDescriptor BlobValue = new(1, SecureLoopbackMeter.BlobName, 2);
    private static readonly CosemMethodDescriptor Echo = new(1, SecureLoopbackMeter.BlobName, 1);

    [Theory]
    [InlineData(false, false, 1)]
    [InlineData(false, true, 4)]
    [InlineData(true, false, 16)]
    [InlineData(true, true, 4)]
    public async Task Ciphered_apdus_are_split_and_joined_before_they_are_opened(bool generalCiphering, bool hdlc, int window)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Gmac, SecuritySuite.Suite0, SecurityPolicy.AuthenticatedEncrypted,
            new CosemServerOptions { MaxReceivePduSize = 200 });
        var security = generalCiphering
            ? GeneralCipheringEndToEndTests.Security(meter, GeneralCipheringKeyMode.GlobalUnicastKey)
            : meter.ClientSecurity();
        LossyChannel? channel = null;
        await using var client = await CosemClient.ConnectAsync(LossyChannel.Wrap(meter.Transport(hdlc), c => channel = c),
            meter.ManagementOptions(security, gbtWindow: window, maxReceivePdu: 128));
        Assert.True(client.NegotiatedConformance.HasFlag(Conformance.GeneralBlockTransfer));

        await meter.ExerciseAsync(client);
        var blob = CosemData.OctetString(Enumerable.Range(0, 1200).Select(i => (byte)(i * 3)).ToArray());
        await client.SetDataAsync(BlobValue, blob);
        Assert.Equal(blob, await client.GetDataAsync(BlobValue));
        Assert.Equal(blob, await client.InvokeDataAsync(Echo, blob));

        // What travelled in blocks was ciphered: the first block of each transfer starts with the protected APDU's tag.
        var expected = generalCiphering ? (byte)ApduTag.GeneralCiphering : (byte)0;
        var firstSent = channel!.SentBlocks.Where(b => b.BlockNumber == 1 && !b.BlockData.IsEmpty).ToList();
        var firstReceived = channel.ReceivedBlocks.Where(b => b.BlockNumber == 1 && !b.BlockData.IsEmpty).ToList();
        Assert.NotEmpty(firstSent);
        Assert.NotEmpty(firstReceived);
        Assert.All(firstSent, b => AssertProtected(b.BlockData.Span[0], expected));
        Assert.All(firstReceived, b => AssertProtected(b.BlockData.Span[0], expected));
    }

    private static void AssertProtected(byte tag, byte expected)
    {
        if (expected != 0)
        {
            Assert.Equal(expected, tag);
            return;
        }
        // glo-get/set/action request and response tags (IEC 62056-5-3 §9.5): 200–203 and 204–207.
        Assert.InRange(tag, (byte)ApduTag.GloGetRequest, (byte)(ApduTag.GloGetRequest + 7));
    }
}
