using System.Net;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;
using Cosem.Sdk.Tests.Server;

namespace Cosem.Sdk.Tests.EndToEnd;

/// <summary>
/// A real <see cref="CosemServer"/> on 127.0.0.1 (OS-chosen ports) with the wrapper over TCP and HDLC over TCP:
/// a clock, an energy register with scaler and unit, a 15-minute load profile, a writable blob with an echo method,
/// a public client (16, no authentication, read-only, blob hidden from reads) and a management client (1, LLS).
/// </summary>
internal sealed class LoopbackMeter : IAsyncDisposable
{
    public const string Password = "12345678";
    public static readonly ObisCode ClockName = new(0, 0, 1, 0, 0, 255);
    public static readonly ObisCode EnergyName = new(1, 0, 1, 8, 0, 255);
    public static readonly ObisCode ProfileName = new(1, 0, 99, 1, 0, 255);
    public static readonly ObisCode BlobName = new(0, 128, 96, 1, 0, 255);
    public static readonly DateTimeOffset Now = new(2024, 6, 15, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset FirstRow = new(2024, 6, 14, 0, 0, 0, TimeSpan.Zero);

    public LoopbackMeter(int profileRows = 96, CosemServerOptions? options = null)
    {
        Clock = new Clock(ClockName) { Time = CosemDateTime.From(Now) };
        Energy = new Register(EnergyName)
        {
            Value = CosemData.FromUInt32(12_345_678),
            ScalerUnit = new ScalerUnit(-3, Unit.WattHour),
        };
        Profile = new RangeProfile(ProfileName)
        {
            CapturePeriod = 900,
            CaptureObjects =
            [
                new CaptureObjectDefinition(8, ClockName, 2, 0),
                new CaptureObjectDefinition(3, EnergyName, 2, 0),
            ],
            Buffer = Enumerable.Range(0, profileRows).Select(Row).ToArray(),
            EntriesInUse = (uint)profileRows,
            ProfileEntries = (uint)profileRows,
        };
        Blob = new TestObject(BlobName);
        Device = new LogicalDevice(1)
        {
            Clock, Energy, Profile, Blob,
            new AssociationLnServer(new ObisCode(0, 0, 40, 0, 1, 255), 16) { Access = AccessLevel.ReadOnly }
                .Override(BlobName, 2, AttributeAccess.NoAccess),
            new AssociationLnServer(new ObisCode(0, 0, 40, 0, 2, 255), 1) { Authentication = AssociationAuthentication.Low(Password) },
        };
        Server = new CosemServer(Device, options)
            .Listen(ServerTransport.Tcp(new IPEndPoint(IPAddress.Loopback, 0)), out _wrapper)
            .Listen(ServerTransport.HdlcOverTcp(new IPEndPoint(IPAddress.Loopback, 0)), out _hdlc);
    }

    public Clock Clock { get; }

    public Register Energy { get; }

    public RangeProfile Profile { get; }

    public TestObject Blob { get; }

    public LogicalDevice Device { get; }

    private readonly ServerEndPoint _wrapper;
    private readonly ServerEndPoint _hdlc;

    public CosemServer Server { get; }

    /// <summary>Row <paramref name="i"/>: the capture time (every 15 minutes from <see cref="FirstRow"/>) and an energy reading.</summary>
    public static CosemData Row(int i) => CosemData.Structure(
        CosemData.DateTime(CosemDateTime.From(FirstRow.AddMinutes(15 * i))),
        CosemData.FromUInt32((uint)(1000 + i)));

    public static async Task<LoopbackMeter> StartAsync(int profileRows = 96, CosemServerOptions? options = null)
    {
        var meter = new LoopbackMeter(profileRows, options);
        await meter.Server.StartAsync();
        return meter;
    }

    /// <summary>The bound address of the HDLC-over-TCP or the wrapper endpoint.</summary>
    public IPEndPoint ListeningOn(bool hdlc) => (hdlc ? _hdlc : _wrapper).EndPoint!;

    public ClientTransport Transport(bool hdlc) => hdlc
        ? ClientTransport.HdlcOverTcp("127.0.0.1", ListeningOn(hdlc).Port)
        : ClientTransport.Tcp("127.0.0.1", ListeningOn(hdlc).Port);

    public Task<CosemClient> ConnectPublicAsync(bool hdlc, AssociationOptions? options = null) =>
        CosemClient.ConnectAsync(Transport(hdlc), options ?? new AssociationOptions { ClientAddress = 16, RequestTimeout = TimeSpan.FromSeconds(20) });

    public Task<CosemClient> ConnectManagementAsync(bool hdlc, Conformance? conformance = null, ushort maxPdu = 0xFFFF) =>
        CosemClient.ConnectAsync(Transport(hdlc), new AssociationOptions
        {
            ClientAddress = 1,
            Authentication = Authentication.Low(Password),
            ProposedConformance = conformance ?? AssociationOptions.DefaultConformance,
            MaxReceivePduSize = maxPdu,
            RequestTimeout = TimeSpan.FromSeconds(20),
        });

    /// <summary>A raw-APDU client (no AARQ sent) from client SAP <paramref name="client"/> over the wrapper or HDLC.</summary>
    public async Task<RawClient> ConnectRawAsync(bool hdlc, ushort client)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var options = new AssociationOptions { ClientAddress = client, RequestTimeout = TimeSpan.FromSeconds(20) };
        return new RawClient(await Transport(hdlc).OpenAsync(options, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, cts.Token));
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
