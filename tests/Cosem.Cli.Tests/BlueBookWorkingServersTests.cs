using System.Net;
using System.Text;
using Cosem.Samples.MeterSimulator;
using Cosem.Samples.MeterSimulator.BlueBook;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Objects;

namespace Cosem.Cli.Tests;

/// <summary>
/// The Blue Book profile's Image transfer and Compact data objects are the working servers (as in the reference
/// meter): an image sent by the management client is stored, verified and activated; a capture fills compact_buffer
/// with the profile's values, which the client decodes with the template.
/// </summary>
public sealed class BlueBookWorkingServersTests : IAsyncLifetime
{
    private BlueBookSimulator _simulator = null!;

    public async Task InitializeAsync() =>
        _simulator = await BlueBookSimulator.StartAsync(new MeterSimulatorOptions { Address = IPAddress.Loopback, WrapperPort = 0, HdlcPort = null });

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task An_image_is_transferred_verified_and_activated_through_the_blue_book_image_transfer_object()
    {
        var payload = new byte[5000];
        new Random(10).NextBytes(payload);
        var image = ImageSha256Trailer.Append(payload);
        await using var client = await ConnectAsync(1);

        var result = await new BlueBookMeter(client).ImageTransfer.TransferImageAsync(Encoding.ASCII.GetBytes("BB-2.0"), new MemoryStream(image));

        var blocks = (uint)((image.Length + ReferenceMeterSimulator.FirmwareBlockSize - 1) / ReferenceMeterSimulator.FirmwareBlockSize);
        Assert.Equal(new ImageTransferResult(ReferenceMeterSimulator.FirmwareBlockSize, blocks, blocks, 0, result.ImageInfo, true), result);
        Assert.Equal((uint)image.Length, result.ImageInfo.ImageToActivateSize);
        var active = _simulator.FirmwareTransfer.ActiveImage ?? throw new Xunit.Sdk.XunitException("nothing was activated");
        Assert.Equal(image, active.Image.ToArray());
        Assert.Equal("BB-2.0", Encoding.ASCII.GetString(active.Identifier.Span));
        Assert.Equal(ImageTransferStatus.ImageActivationSuccessful, _simulator.FirmwareTransfer.CurrentStatus);
    }

    [Fact]
    public async Task The_public_client_may_not_start_an_image_transfer()
    {
        await using var client = await ConnectAsync(16);
        var error = await Assert.ThrowsAsync<CosemImageTransferException>(() =>
            new BlueBookMeter(client).ImageTransfer.TransferImageAsync(Encoding.ASCII.GetBytes("BB"), new MemoryStream(ImageSha256Trailer.Append(new byte[100]))));
        Assert.Equal(ImageTransferFailure.InitiateRefused, error.Failure);
        Assert.Null(_simulator.FirmwareTransfer.ActiveImage);
    }

    [Fact]
    public async Task A_capture_fills_compact_buffer_with_the_profile_values_and_the_client_decodes_it()
    {
        await using var client = await ConnectAsync(1);
        var compact = new BlueBookMeter(client).CompactData;
        Assert.Empty((await compact.ReadCompactAsync()).Values);

        await compact.CaptureAsync();
        var reading = await compact.ReadCompactAsync();

        var clock = _simulator.Objects.OfType<Clock>().Single();
        var register = _simulator.Objects.OfType<Register>().Single();
        var data = _simulator.Objects.OfType<Data>().First(o => o.GetType() == typeof(Data));
        Assert.Equal([clock.LogicalName, register.LogicalName, data.LogicalName], reading.CaptureObjects.Select(c => c.LogicalName));
        Assert.Equal(3, reading.Values.Count);
        Assert.Equal(DataType.OctetString, reading.Values[0].Type);
        Assert.Equal(clock.Time, reading.Values[0].AsDateTime());
        Assert.Equal(register.Value, reading.Values[1]);
        Assert.Equal(data.Value, reading.Values[2]);
    }

    private async Task<CosemClient> ConnectAsync(ushort clientAddress) =>
        await CosemClient.ConnectAsync(ClientTransport.Tcp("127.0.0.1", _simulator.WrapperEndPoint!.Port), new AssociationOptions
        {
            ClientAddress = clientAddress,
            Authentication = clientAddress == 1 ? Authentication.Low("12345678") : Authentication.None,
            RequestTimeout = TimeSpan.FromSeconds(10),
        });
}
