using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Client;
using Cosem.Sdk.Objects;

namespace Cosem.Sdk.Docs.Tests.Snippets;

/// <summary>docs/getting-started.md: the first read, against the simulator the page tells you to start.</summary>
public sealed class GettingStartedSnippets
{
    [Fact]
    public async Task First_read_answers_the_clock_and_the_energy()
    {
        await using var simulator = await ReferenceMeterSimulator.StartAsync(new MeterSimulatorOptions { WrapperPort = 0, HdlcPort = null });
        var port = simulator.WrapperEndPoint!.Port;

        #region first-read
        await using var meter = await CosemClient.ConnectAsync(
            ClientTransport.Tcp("127.0.0.1", port),                 // the TCP wrapper (IEC 62056-47); 4059 by custom
            new AssociationOptions { ClientAddress = 16, ServerAddress = 1 });   // public client, management device

        var device = new ReferenceMeter(meter);                      // generated from a device profile
        var now = await device.Clock.GetTimeAsync();
        var energy = await device.ActiveEnergyImport.GetQuantityAsync();   // value with its scaler and unit applied
        Console.WriteLine($"{now}: {energy}");

        await meter.ReleaseAsync();
        #endregion

        Assert.NotEqual(default, now);
        Assert.Contains("Wh", energy.ToString(), StringComparison.Ordinal);
    }
}
