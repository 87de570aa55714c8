using System.Net;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;

namespace Cosem.Cli.Tests;

/// <summary>
/// A meter declaring a class version the SDK does not know (Clock version 9): <c>cosem read</c> still names the
/// class and its attributes from the nearest known version and says so, instead of showing a bare class id.
/// </summary>
public sealed class VersionFallbackReadTests : IAsyncLifetime
{
    private static readonly ObisCode ClockName = new(0, 0, 1, 0, 0, 255);
    private CosemServer _server = null!;
    private int _port;

    public async Task InitializeAsync()
    {
        var device = new LogicalDevice(LogicalDevice.ManagementAddress, "FUTURE01")
        {
            new FutureClock(ClockName) { TimeZone = 60 },
            new AssociationLnServer(new ObisCode(0, 0, 40, 0, 1, 255), 16) { Access = AccessLevel.ReadOnly },
        };
        _server = new CosemServer(device);
        _server.Listen(ServerTransport.Tcp(new IPEndPoint(IPAddress.Loopback, 0)), out var listening);
        _port = listening.EndPoint!.Port;
        await _server.StartAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Read_names_attributes_from_the_nearest_known_version_and_warns()
    {
        var (exit, output, error) = await CliRunner.RunAsync(null, "read", "--port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--obis", "0.0.1.0.0.255", "--attribute", "3", "--json");

        Assert.True(exit == 0, error);
        Assert.Contains("\"Clock\"", output, StringComparison.Ordinal);
        Assert.Contains("\"time_zone\"", output, StringComparison.Ordinal);
        Assert.Contains("warning: interface class 8 version 9 is not known", error, StringComparison.Ordinal);
        Assert.Contains("Clock version 0", error, StringComparison.Ordinal);
    }

    /// <summary>A clock that claims a future class version.</summary>
    private sealed class FutureClock(ObisCode logicalName) : Clock(logicalName)
    {
        public override byte Version => 9;
    }
}
