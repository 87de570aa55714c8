using System.Net;
using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Docs.Tests.Snippets;

/// <summary>docs/push.md: a head-end listening for pushes, and a meter's Push setup pushing to it.</summary>
public sealed class PushSnippets
{
    private static readonly byte[] Key = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");
    private static readonly byte[] AuthKey = Convert.FromHexString("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");

    [Fact]
    public async Task The_listener_receives_what_the_simulator_pushes()
    {
        using var meterKeys = new CipheringKeys(SecuritySuite.Suite0, Key, AuthKey);
        var meterTitle = SystemTitle.Parse("4353440000000001");

        #region listen
        var keys = new InMemoryPushKeyProvider().Add(meterTitle, meterKeys);     // from your key store, by system title
        await using var listener = CosemPushListener.StartTcp(new IPEndPoint(IPAddress.Loopback, 0), new PushListenerOptions
        {
            Keys = keys,
            RequireProtection = true,                                            // refuse pushes in the clear
            PushObjectLists = n => n.Body.Count > 0 && n.Body[0].AsObisCode() == new ObisCode(0, 0, 25, 9, 0, 255)
                ? ReadingsList                                                   // known from the device profile
                : null,
        });
        listener.Rejected += (_, rejection) => Console.WriteLine($"refused: {rejection}");
        #endregion

        await using var simulator = await ReferenceMeterSimulator.StartAsync(new MeterSimulatorOptions
        {
            WrapperPort = 0,
            HdlcPort = null,
            ManagementSecurity = new AssociationSecurity(meterTitle, meterKeys, SecurityPolicy.AuthenticatedEncrypted),
            PushDestination = $"127.0.0.1:{listener.LocalEndPoint!.Port}",
            PushInterval = TimeSpan.FromSeconds(1),
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new List<PushNotification>();

        #region read-notifications
        await foreach (var notification in listener.ReadAllAsync(timeout.Token))
        {
            Console.WriteLine($"{notification.SystemTitle} {notification.Kind} {notification.Protection} IC {notification.InvocationCounter}");
            foreach (var value in notification.Values ?? [])
            {
                Console.WriteLine($"  {value.Object}: {value.Value}");           // e.g. 3/1.0.1.8.0.255/2: double-long-unsigned 1234
            }
            received.Add(notification);
            if (received.Count == 2)
            {
                break;
            }
        }
        #endregion

        Assert.All(received, n => Assert.Equal(PushProtection.GeneralGlobal, n.Protection));
        Assert.All(received, n => Assert.Equal(5, n.Values!.Count));
        Assert.Equal(0, listener.Statistics.Rejected);
    }

    private static readonly PushObjectDescriptor[] ReadingsList =
    [
        new(40, new ObisCode(0, 0, 25, 9, 0, 255), 1),
        new(8, new ObisCode(0, 0, 1, 0, 0, 255), 2),
        new(3, new ObisCode(1, 0, 1, 8, 0, 255), 2),
        new(3, new ObisCode(1, 0, 2, 8, 0, 255), 2),
        new(3, new ObisCode(1, 0, 32, 7, 0, 255), 2),
    ];

    [Fact]
    public async Task A_push_setup_pushes_its_object_list()
    {
        await using var listener = CosemPushListener.StartUdp(new IPEndPoint(IPAddress.Loopback, 0));
        var port = listener.LocalEndPoint!.Port;

        #region push-setup
        var device = new LogicalDevice();
        var energy = new Data(new ObisCode(1, 0, 1, 8, 0, 255)) { Value = CosemData.FromUInt32(1234) };
        device.Add(energy);
        var push = new PushSetupServer(new ObisCode(0, 0, 25, 9, 0, 255), device)
        {
            SendDestinationAndMethod = new SendDestinationAndMethod(PushTransportService.Udp,
                PushSetupServer.Destination("127.0.0.1", port), PushMessageType.AXdrEncodedXdlmsApdu),
            NumberOfRetries = 3,
            RepetitionDelay = new RepetitionDelay(5, 200, 60),                   // 5 s, 10 s, 20 s
        };
        push.Push(push, attribute: 1).Push(energy);                              // push id, then the energy value
        device.Add(push);

        var result = await push.PushNowAsync();                                  // or TriggerAsync() from a schedule or alarm
        #endregion

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var notification = await listener.ReceiveAsync(timeout.Token);
        Assert.True(result.Sent);
        Assert.Equal(CosemData.FromUInt32(1234), notification.Body[1]);
    }
}
