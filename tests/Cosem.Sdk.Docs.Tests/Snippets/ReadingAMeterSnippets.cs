using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;

namespace Cosem.Sdk.Docs.Tests.Snippets;

/// <summary>docs/reading-a-meter.md: transports, typed and untyped reads, several attributes at once, profiles.</summary>
public sealed class ReadingAMeterSnippets : IAsyncLifetime
{
    private ReferenceMeterSimulator _simulator = null!;

    public async Task InitializeAsync() =>
        _simulator = await ReferenceMeterSimulator.StartAsync(new MeterSimulatorOptions { WrapperPort = 0, HdlcPort = 0 });

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task Hdlc_with_the_management_client_and_a_password()
    {
        var hdlcPort = _simulator.HdlcEndPoint!.Port;
        #region hdlc-management
        var transport = ClientTransport.HdlcOverTcp("127.0.0.1", hdlcPort);   // HDLC frames over TCP (IEC 62056-46)
        var options = new AssociationOptions
        {
            ClientAddress = 1,                                       // the management client
            ServerAddress = 1,                                       // logical device (HDLC upper address)
            PhysicalAddress = 17,                                    // HDLC lower address; leave null for one byte
            Authentication = Authentication.Low("12345678"),         // LLS: the password in the AARQ
            RequestTimeout = TimeSpan.FromSeconds(5),
        };
        await using var meter = await CosemClient.ConnectAsync(transport, options);
        #endregion
        Assert.True(meter.IsAssociated);
    }

    [Fact]
    public async Task Typed_untyped_and_many_at_once()
    {
        await using var meter = await CosemClient.ConnectAsync(ClientTransport.Tcp("127.0.0.1", _simulator.WrapperEndPoint!.Port), new AssociationOptions());

        #region typed-proxy
        var register = new Register.Proxy(meter, ObisCode.Parse("1.0.1.8.0.255"));   // any Blue Book class
        var value = await register.GetValueAsync();                  // CosemData: the value as the meter sent it
        var scale = await register.GetScalerUnitAsync();             // ScalerUnit(0, WattHour)
        Console.WriteLine(Quantity.From(value, scale));
        #endregion

        #region untyped
        var voltage = await meter.GetDataAsync(new CosemAttributeDescriptor(3, ObisCode.Parse("1.0.32.7.0.255"), 2));
        Console.WriteLine($"{voltage.Type}: {voltage}");
        #endregion

        #region get-many
        var results = await meter.GetManyAsync(
        [
            new CosemAttributeDescriptor(8, ObisCode.Clock, 2),
            new CosemAttributeDescriptor(3, ObisCode.Parse("1.0.1.8.0.255"), 2),
            new CosemAttributeDescriptor(1, ObisCode.Parse("0.0.96.1.0.255"), 2),
        ]);                                                           // one GET-Request-With-List per 10 attributes
        foreach (var result in results)
        {
            Console.WriteLine(result.IsSuccess ? $"{result.Attribute}: {result.Value}" : $"{result.Attribute}: refused, {result.Result}");
        }
        #endregion

        Assert.Equal(Unit.WattHour, scale.Unit);
        Assert.Equal(DataType.LongUnsigned, voltage.Type);
        Assert.All(results, r => Assert.True(r.IsSuccess));
    }

    [Fact]
    public async Task A_load_profile_range()
    {
        await using var meter = await CosemClient.ConnectAsync(ClientTransport.Tcp("127.0.0.1", _simulator.WrapperEndPoint!.Port), new AssociationOptions());
        var device = new ReferenceMeter(meter);
        #region profile-range
        var now = await device.Clock.GetTimeAsync();
        var from = CosemDateTime.From(now.ToDateTimeOffset().AddHours(-2));
        var rows = await device.LoadProfile.GetBufferAsync(from, now);   // selective access by range; blocks are joined
        foreach (var row in rows)
        {
            Console.WriteLine($"{row[0].AsDateTime()}  {row[1]}  {row[2]}");
        }
        #endregion
        Assert.InRange(rows.Count, 7, 9);
    }
}
