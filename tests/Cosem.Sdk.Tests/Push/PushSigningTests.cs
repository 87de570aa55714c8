using System.Net;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Tests.Push;

/// <summary>
/// Signed pushes (general-signing, Green Book §9.2.7.2.5; ECDSA P-256 for suite 1, P-384 for suite 2): a Push setup
/// signs its notification, in the clear or around its ciphering, and the listener verifies it with the meter's public
/// signing key; a signature that does not verify is refused as InvalidSignature, counted and reported, and the next
/// good push is still delivered.
/// </summary>
public sealed class PushSigningTests : IAsyncDisposable
{
    private static readonly ObisCode PushName = new(0, 0, 25, 9, 0, 255);
    private static readonly ObisCode EnergyName = new(1, 0, 1, 8, 0, 255);
    private static readonly SystemTitle MeterTitle = PushApdus.Meter(11);
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly CipheringKeys _keys = new(SecuritySuite.Suite1, Tests.Security.ApduCipherGreenBookTests.BlockCipherKey,
        Tests.Security.ApduCipherGreenBookTests.AuthenticationKey);

    private PushSetupServer Meter(EccKeyPair signingKey, PushCiphering ciphering, IPEndPoint destination, SystemTitle? recipient = null)
    {
        var device = new LogicalDevice();
        var energy = new Data(EnergyName) { Value = CosemData.FromUInt32(4_321) };
        device.Add(energy);
        var push = new PushSetupServer(PushName, device, new PushSetupServerOptions
        {
            Security = new AssociationSecurity(MeterTitle, _keys) { SigningKey = signingKey },
            Protection = ciphering,
            Signed = true,
            Recipient = recipient ?? PushApdus.HeadEnd,
        })
        {
            SendDestinationAndMethod = new SendDestinationAndMethod(PushTransportService.Udp,
                PushSetupServer.Destination(destination.Address.ToString(), destination.Port), PushMessageType.AXdrEncodedXdlmsApdu),
        };
        device.Add(push);
        push.Push(push, 1).Push(energy);
        return push;
    }

    private CosemPushListener Listen(EccPublicKey meterKey)
    {
        var listener = CosemPushListener.StartUdp(new IPEndPoint(IPAddress.Loopback, 0), new PushListenerOptions
        {
            Keys = new InMemoryPushKeyProvider().Add(MeterTitle, _keys).AddSigningKey(MeterTitle, meterKey),
            SystemTitle = PushApdus.HeadEnd,
            RequireProtection = true,
        });
        _owned.Add(listener);
        return listener;
    }

    [Theory]
    [InlineData(EccCurve.P256, PushCiphering.None)]
    [InlineData(EccCurve.P384, PushCiphering.None)]
    [InlineData(EccCurve.P256, PushCiphering.GeneralGlobal)]
    [InlineData(EccCurve.P256, PushCiphering.GeneralCiphering)]
    public async Task A_signed_push_is_verified_and_delivered(EccCurve curve, PushCiphering ciphering)
    {
        var key = EccKeyPair.Generate(curve);
        var listener = Listen(key.PublicKey);
        var push = Meter(key, ciphering, listener.LocalEndPoint!);

        var sent = await push.BuildProtectedAsync();
        var result = await push.PushNowAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var notification = await listener.ReceiveAsync(timeout.Token);

        Assert.Equal((byte)ApduTag.GeneralSigning, sent[0]);
        Assert.True(result.Sent);
        Assert.True(notification.Signed);
        Assert.Equal(MeterTitle, notification.SystemTitle);
        Assert.Equal(ciphering switch
        {
            PushCiphering.None => PushProtection.None,
            PushCiphering.GeneralGlobal => PushProtection.GeneralGlobal,
            _ => PushProtection.GeneralCiphering,
        }, notification.Protection);
        Assert.Equal(CosemData.Structure(CosemData.LogicalName(PushName), CosemData.FromUInt32(4_321)), notification.Body);
    }

    [Fact]
    public async Task A_bad_signature_is_counted_and_reported_and_the_next_good_push_still_arrives()
    {
        var key = EccKeyPair.Generate(EccCurve.P256);
        var listener = Listen(key.PublicKey);
        var rejected = new TaskCompletionSource<PushRejection>(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.Rejected += (_, r) => rejected.TrySetResult(r);
        var forger = Meter(EccKeyPair.Generate(EccCurve.P256), PushCiphering.None, listener.LocalEndPoint!);
        var meter = Meter(key, PushCiphering.GeneralGlobal, listener.LocalEndPoint!);

        Assert.True((await forger.PushNowAsync()).Sent);
        Assert.True((await meter.PushNowAsync()).Sent);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var delivered = await listener.ReceiveAsync(timeout.Token);
        var rejection = await rejected.Task.WaitAsync(timeout.Token);

        Assert.True(delivered.Signed);
        Assert.Equal(PushRejectionReason.InvalidSignature, rejection.Reason);
        Assert.Equal(MeterTitle, rejection.SystemTitle);
        Assert.Equal(1, listener.Statistics.RejectedFor(PushRejectionReason.InvalidSignature));
        Assert.Equal(1, listener.Statistics.Delivered);
    }

    [Fact]
    public async Task Tampered_content_a_foreign_recipient_and_an_unknown_signer_are_refused()
    {
        var key = EccKeyPair.Generate(EccCurve.P256);
        var keys = new InMemoryPushKeyProvider().AddSigningKey(MeterTitle, key.PublicKey);
        var decoder = new PushNotificationDecoder(new PushListenerOptions { Keys = keys, SystemTitle = PushApdus.HeadEnd });
        var origin = new PushOrigin(null, 1, 102);
        var plain = PushApdus.DataNotification(PushApdus.Reading(7));
        byte[] Signed(SystemTitle originator, SystemTitle recipient, byte[] content) => GeneralSigningProtection.Sign(
            new GeneralProtectionHeader(originator, recipient, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }), key, content).ToArray();

        var good = Signed(MeterTitle, PushApdus.HeadEnd, plain);
        var tampered = (byte[])good.Clone();
        tampered[^70] ^= 0x01;                                         // a byte of the signed content
        Assert.True(decoder.TryDecode(good, origin, out var notification, out _));
        Assert.False(decoder.TryDecode(tampered, origin, out _, out var bad));
        Assert.False(decoder.TryDecode(Signed(MeterTitle, PushApdus.Meter(99), plain), origin, out _, out var elsewhere));
        Assert.False(decoder.TryDecode(Signed(PushApdus.Meter(12), PushApdus.HeadEnd, plain), origin, out _, out var unknown));
        Assert.False(decoder.TryDecode(good[..^10], origin, out _, out var truncated));

        Assert.True(notification!.Signed);
        Assert.Equal(PushRejectionReason.InvalidSignature, bad!.Reason);
        Assert.Equal(PushRejectionReason.InvalidSignature, elsewhere!.Reason);
        Assert.Equal(PushRejectionReason.UnknownMeter, unknown!.Reason);
        Assert.Equal(PushRejectionReason.Malformed, truncated!.Reason);
        Assert.Equal(2, decoder.Statistics.RejectedFor(PushRejectionReason.InvalidSignature));
    }

    [Fact]
    public void A_signed_push_needs_a_signing_key()
    {
        var error = Assert.Throws<ArgumentException>(() => new PushSetupServer(PushName, new LogicalDevice(), new PushSetupServerOptions
        {
            Security = new AssociationSecurity(MeterTitle, _keys),
            Signed = true,
        }));

        Assert.Contains("SigningKey", error.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
        _keys.Dispose();
    }
}
