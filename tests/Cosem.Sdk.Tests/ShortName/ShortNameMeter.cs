using System.Net;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;
using Cosem.Sdk.Tests.EndToEnd;
using Cosem.Sdk.Tests.Server;

namespace Cosem.Sdk.Tests.ShortName;

/// <summary>
/// A real <see cref="CosemServer"/> on 127.0.0.1 whose clients associate with SN referencing: the objects of
/// <see cref="LoopbackMeter"/> (clock, energy register with scaler, 15-minute profile, blob) under an Association SN
/// for the public client (16, read-only), one for the management client (1, LLS, full access) and a ciphered one
/// (client 48, suite 0, authenticated and encrypted, Green Book example keys), plus an LN association for client 32.
/// Listens on the wrapper over TCP and UDP and on HDLC over TCP.
/// </summary>
internal sealed class ShortNameMeter : IAsyncDisposable
{
    public const string Password = LoopbackMeter.Password;
    public const ushort PublicClient = 16;
    public const ushort ManagementClient = 1;
    public const ushort CipheredClient = 48;
    public const ushort LogicalNameClient = 32;
    public static readonly ObisCode PublicAssociationName = new(0, 0, 40, 0, 1, 255);

    private readonly ServerEndPoint _tcp;
    private readonly ServerEndPoint _udp;
    private readonly ServerEndPoint _hdlc;

    public ShortNameMeter(int profileRows = 96, ushort? clockBaseName = null, CosemServerOptions? options = null)
    {
        Clock = new Clock(LoopbackMeter.ClockName) { Time = CosemDateTime.From(LoopbackMeter.Now) };
        Energy = new ResettableRegister(LoopbackMeter.EnergyName)
        {
            Value = CosemData.FromUInt32(12_345_678),
            ScalerUnit = new ScalerUnit(-3, Unit.WattHour),
        };
        Profile = new RangeProfile(LoopbackMeter.ProfileName)
        {
            CapturePeriod = 900,
            CaptureObjects =
            [
                new CaptureObjectDefinition(8, LoopbackMeter.ClockName, 2, 0),
                new CaptureObjectDefinition(3, LoopbackMeter.EnergyName, 2, 0),
            ],
            Buffer = Enumerable.Range(0, profileRows).Select(LoopbackMeter.Row).ToArray(),
            EntriesInUse = (uint)profileRows,
            ProfileEntries = (uint)profileRows,
        };
        Blob = new TestObject(LoopbackMeter.BlobName);
        Security = new AssociationSecurity(SecureLoopbackMeter.ServerTitle, SecureLoopbackMeter.Keys(SecuritySuite.Suite0), SecurityPolicy.AuthenticatedEncrypted);
        PublicAssociation = new AssociationSnServer(PublicAssociationName, PublicClient) { Access = AccessLevel.ReadOnly };
        if (clockBaseName is { } fixedName)
        {
            PublicAssociation.AssignBaseName(LoopbackMeter.ClockName, fixedName);
        }
        Device = new LogicalDevice(1)
        {
            Clock, Energy, Profile, Blob,
            PublicAssociation,
            new AssociationSnServer(new ObisCode(0, 0, 40, 0, 2, 255), ManagementClient) { Authentication = AssociationAuthentication.Low(Password) },
            new AssociationSnServer(new ObisCode(0, 0, 40, 0, 3, 255), CipheredClient) { Security = Security },
            new AssociationLnServer(new ObisCode(0, 0, 40, 0, 4, 255), LogicalNameClient),
        };
        Server = new CosemServer(Device, options)
            .Listen(ServerTransport.Tcp(new IPEndPoint(IPAddress.Loopback, 0)), out _tcp)
            .Listen(ServerTransport.Udp(new IPEndPoint(IPAddress.Loopback, 0)), out _udp)
            .Listen(ServerTransport.HdlcOverTcp(new IPEndPoint(IPAddress.Loopback, 0)), out _hdlc);
    }

    public Clock Clock { get; }

    public ResettableRegister Energy { get; }

    public RangeProfile Profile { get; }

    public TestObject Blob { get; }

    public AssociationSecurity Security { get; }

    public AssociationSnServer PublicAssociation { get; }

    public LogicalDevice Device { get; }

    public CosemServer Server { get; }

    public static async Task<ShortNameMeter> StartAsync(int profileRows = 96, ushort? clockBaseName = null, CosemServerOptions? options = null)
    {
        var meter = new ShortNameMeter(profileRows, clockBaseName, options);
        await meter.Server.StartAsync();
        return meter;
    }

    public ClientTransport Transport(string link) => link switch
    {
        "tcp" => ClientTransport.Tcp("127.0.0.1", _tcp.EndPoint!.Port),
        "udp" => ClientTransport.Udp("127.0.0.1", _udp.EndPoint!.Port),
        _ => ClientTransport.HdlcOverTcp("127.0.0.1", _hdlc.EndPoint!.Port),
    };

    public static AssociationOptions Options(ushort client, ushort maxPdu = 0xFFFF, Conformance? conformance = null) => new()
    {
        ClientAddress = client,
        Referencing = Referencing.ShortName,
        Authentication = client == ManagementClient ? Authentication.Low(Password) : Authentication.None,
        ProposedConformance = conformance ?? AssociationOptions.ShortNameConformance,
        MaxReceivePduSize = maxPdu,
        RequestTimeout = TimeSpan.FromSeconds(20),
    };

    public Task<CosemClient> ConnectAsync(string link, ushort client = PublicClient, ushort maxPdu = 0xFFFF, Conformance? conformance = null) =>
        CosemClient.ConnectAsync(Transport(link), Options(client, maxPdu, conformance));

    public Task<CosemClient> ConnectCipheredAsync(string link)
    {
        var security = new ClientSecurity(new SecurityContext
        {
            Suite = SecuritySuite.Suite0,
            Policy = SecurityPolicy.AuthenticatedEncrypted,
            SystemTitle = SecureLoopbackMeter.ClientTitle,
            Keys = SecureLoopbackMeter.Keys(SecuritySuite.Suite0),
        });
        var options = Options(CipheredClient);
        return CosemClient.ConnectAsync(Transport(link), new AssociationOptions
        {
            ClientAddress = CipheredClient,
            Referencing = Referencing.ShortName,
            Protection = ApduProtection.Ciphered(security),
            RequestTimeout = options.RequestTimeout,
        });
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

/// <summary>A register whose reset method (method 1) zeroes its value, to see SN method invocation arrive.</summary>
internal sealed class ResettableRegister(ObisCode logicalName) : Register(logicalName)
{
    public int Resets { get; private set; }

    protected override ValueTask ResetAsync(RequestContext context, CancellationToken cancellationToken)
    {
        Resets++;
        Value = CosemData.FromUInt32(0);
        return ValueTask.CompletedTask;
    }
}
