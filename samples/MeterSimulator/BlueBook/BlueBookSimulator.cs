using System.Diagnostics.CodeAnalysis;
using System.Net;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;

namespace Cosem.Samples.MeterSimulator.BlueBook;

/// <summary>
/// A device with one object of every interface class and class version the SDK generates (the
/// <see cref="BlueBookMeter"/> profile, schema/devices/blue-book.cosem.xml), each attribute holding a plausible value
/// (<see cref="SampleValues"/>), except Image transfer and Compact data, which are the working servers
/// (<see cref="FirmwareTransfer"/>, <see cref="CompactReadings"/>). A public client (16, no authentication) may read
/// everything readable; the management client (1, LLS with <see cref="MeterSimulatorOptions.ManagementPassword"/>)
/// may also write and invoke methods (transfer an image, capture compact data).
/// </summary>
public sealed partial class BlueBookSimulator : IAsyncDisposable
{
    private BlueBookSimulator(IReadOnlyList<CosemObject> objects, LogicalDevice device)
    {
        Objects = objects;
        Device = device;
    }

    /// <summary>The Blue Book objects as served, with the values they were given.</summary>
    public IReadOnlyList<CosemObject> Objects { get; }

    /// <summary>The management logical device (address 1) holding the objects and the public association.</summary>
    public LogicalDevice Device { get; }

    /// <summary>The server, once <see cref="StartAsync"/> made one.</summary>
    public CosemServer? Server { get; private set; }

    /// <summary>Where wrapper (TCP) clients connect once started.</summary>
    public IPEndPoint? WrapperEndPoint { get; private set; }

    /// <summary>Where HDLC-over-TCP clients connect once started; null when not listening for them.</summary>
    public IPEndPoint? HdlcEndPoint { get; private set; }

    /// <summary>Builds the device without listening: every object of the profile filled with sample values, Image
    /// transfer and Compact data working (<paramref name="options"/> gives their clock and the management
    /// password).</summary>
    [RequiresUnreferencedCode(SampleValues.ReflectionReason)]
    [RequiresDynamicCode(SampleValues.ReflectionReason)]
    public static BlueBookSimulator Create(MeterSimulatorOptions? options = null)
    {
        options ??= new MeterSimulatorOptions();
        var objects = WithWorkingServers(BlueBookMeter.CreateObjects(), options, out var firmwareTransfer, out var compactReadings);
        var device = new LogicalDevice(LogicalDevice.ManagementAddress, "CSDKBLUEBOOK")
        {
            new AssociationLnServer(ReferenceMeterSimulator.PublicAssociationName, 16) { Access = AccessLevel.ReadOnly },
            SimulatorAssociations.Management(ReferenceMeterSimulator.ManagementAssociationName, options),
        };
        foreach (var obj in objects)
        {
            device.Add(obj);
        }
        return new BlueBookSimulator(objects, device) { FirmwareTransfer = firmwareTransfer, CompactReadings = compactReadings };
    }

    /// <summary>Builds the device and serves it on the wrapper and HDLC ports of <paramref name="options"/>.</summary>
    [RequiresUnreferencedCode(SampleValues.ReflectionReason)]
    [RequiresDynamicCode(SampleValues.ReflectionReason)]
    public static async Task<BlueBookSimulator> StartAsync(MeterSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MeterSimulatorOptions();
        var simulator = Create(options);
        var server = new CosemServer(simulator.Device, options.ServerOptions ?? new CosemServerOptions { LoggerFactory = options.LoggerFactory });
        try
        {
            if (options.WrapperPort is { } wrapper)
            {
                server.Listen(ServerTransport.Tcp(new IPEndPoint(options.Address, wrapper)), out var listening);
                simulator.WrapperEndPoint = listening.EndPoint;
            }
            if (options.HdlcPort is { } hdlc)
            {
                server.Listen(ServerTransport.HdlcOverTcp(new IPEndPoint(options.Address, hdlc)), out var listening);
                simulator.HdlcEndPoint = listening.EndPoint;
            }
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        simulator.Server = server;
        return simulator;
    }

    /// <summary>Stops serving.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Server is { } server)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
