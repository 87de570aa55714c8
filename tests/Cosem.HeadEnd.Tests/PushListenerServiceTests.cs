using System.Buffers;
using Cosem.HeadEnd.Meters;
using Cosem.HeadEnd.Push;
using Cosem.HeadEnd.Security;
using Cosem.HeadEnd.Storage;
using Cosem.HeadEnd.Tests.Support;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Security;
using Cosem.Sdk.Transport.Wrapper;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Cosem.HeadEnd.Tests;

/// <summary>
/// The silo's push listener end to end: a meter's ciphered DataNotification (general-glo-ciphering, suite 0) sent to
/// the listener's port is opened with the keys the key store holds under the meter's key name and stored as
/// readings by its grain; one ciphered with another key, or from a system title no meter has, is refused, counted,
/// and stores nothing.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PushListenerServiceTests
{
    private static readonly string[] PushObjects = ["8/0.0.1.0.0.255/2", "3/1.0.1.8.0.255/2", "3/1.0.2.8.0.255/2"];
    private static readonly SystemTitle Meter = SystemTitle.Parse("4D4D4D0000000001");

    // The Green Book's example suite 0 keys (DLMS UA 1000-2 Ed. 10, 9.2.7.4 ciphering examples): GUEK 000102…0F, AK D0D1…DF.
    private static readonly byte[] UnicastKey = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");
    private static readonly byte[] AuthenticationKey = Convert.FromHexString("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");

    [Fact]
    public async Task A_ciphered_push_to_the_listener_is_stored_and_one_with_a_wrong_key_is_refused_and_stores_nothing()
    {
        using var temp = new TempDirectory();
        using var store = new SqliteReadingStore(temp.File("readings.db"));
        var environment = new HeadEndEnvironment(store, o => o.FirstReadSpread = TimeSpan.FromHours(1));
        environment.Keys.Set("pusher", new MeterKeys { GlobalUnicastKey = UnicastKey, AuthenticationKey = AuthenticationKey });
        await using var cluster = await HeadEndCluster.StartAsync<PushListenerSiloConfigurator>(environment, silos: 1);
        var meter = new MeterSettings
        {
            MeterId = "pusher-1", Host = "127.0.0.1", Port = 1, ReadInterval = TimeSpan.FromHours(1),
            SystemTitle = Meter.ToString(), KeyName = "pusher", PushObjects = PushObjects,
        };
        await cluster.ConfigureAsync([meter]);
        var service = ((InProcessSiloHandle)cluster.Cluster.Primary!).SiloHost.Services.GetRequiredService<PushListenerService>();
        var at = new DateTimeOffset(2026, 12, 5, 10, 15, 0, TimeSpan.Zero);

        await using (var channel = await WrapperChannel.ConnectTcpAsync(service.LocalEndPoint!, new WrapperOptions { ClientWPort = 1, ServerWPort = 102 }))
        {
            using var wrong = new CipheringKeys(SecuritySuite.Suite0, new byte[16], AuthenticationKey);
            await channel.SendAsync(GeneralGlo(Notification(at.AddMinutes(15), 1, 2), counter: 1, wrong));    // refused
            using var right = new CipheringKeys(SecuritySuite.Suite0, UnicastKey, AuthenticationKey);
            await channel.SendAsync(GeneralGlo(Notification(at, 5, 6), counter: 1, right, SystemTitle.Parse("4D4D4D00000000FF")));    // no such meter
            await channel.SendAsync(GeneralGlo(Notification(at, 12_345, 678), counter: 2, right));
            await HeadEndCluster.WaitUntilAsync(async () => await store.CountAsync(meter.MeterId) >= 3, TimeSpan.FromSeconds(30),
                () => Task.FromResult($"{service.Statistics}; {service.Routed} routed, {service.Unrouted} not"));
        }

        Assert.Equal(1, service.Statistics!.RejectedFor(PushRejectionReason.AuthenticationFailed));
        Assert.Equal(1, service.Statistics.RejectedFor(PushRejectionReason.UnknownMeter));
        Assert.Equal(1, service.Statistics.Delivered);
        Assert.Equal(1, service.Routed);
        Assert.Equal(0, service.Unrouted);
        var status = await cluster.Grains.GetGrain<IMeterGrain>(meter.MeterId).GetStatusAsync();
        Assert.Equal(1, status.PushesReceived);
        Assert.Equal(3, status.PushReadingsStored);
        Assert.Equal(3, await store.CountAsync());    // only the good push's values, none of the refused one's
    }

    private static byte[] Notification(DateTimeOffset at, uint importWh, uint exportWh)
    {
        var clock = new byte[CosemDateTime.Length];
        CosemDateTime.From(at).CopyTo(clock);
        var body = CosemData.Structure(CosemData.OctetString(clock), CosemData.FromUInt32(importWh), CosemData.FromUInt32(exportWh));
        return new DataNotification(new LongInvokeIdAndPriority(1), clock, body.ToArray()).ToArray();
    }

    private static byte[] GeneralGlo(byte[] plain, uint counter, CipheringKeys keys, SystemTitle? sender = null)
    {
        using var cipher = keys.CreateCipher();
        var output = new ArrayBufferWriter<byte>();
        ApduEnvelope.Write(cipher, ApduTag.GeneralGloCiphering, SecurityControlByte.Create(SecuritySuite.Suite0, authenticated: true, encrypted: true),
            sender ?? Meter, counter, plain, output);
        return output.WrittenSpan.ToArray();
    }
}
