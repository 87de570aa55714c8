using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Tests.EndToEnd;

namespace Cosem.Sdk.Tests.Objects;

/// <summary>
/// Compact data (class 62): the split into type description and contents and back, a capture on
/// <see cref="CompactDataServer"/> decoded by the client over a real association, and hostile templates.
/// </summary>
public class CompactDataTests
{
    private static readonly ObisCode CompactName = new(0, 0, 66, 0, 1, 255);

    [Fact]
    public void A_structure_splits_into_description_and_contents_as_the_compact_rules_say()
    {
        // {double-long-unsigned 0x01020304, octet-string "AB", array of 2 long-unsigned {5, 6}, date-time (an octet-string)}
        var value = CosemData.Structure(
            CosemData.FromUInt32(0x01020304),
            CosemData.OctetString("AB"u8),
            CosemData.Array(CosemData.FromUInt16(5), CosemData.FromUInt16(6)),
            CosemData.DateTime(CosemDateTime.From(new DateTimeOffset(2024, 6, 15, 12, 0, 0, TimeSpan.Zero))));
        var description = new ArrayBufferWriter<byte>();
        var contents = new ArrayBufferWriter<byte>();

        CompactDataEncoding.Split(value.ToArray(), description, contents);

        Assert.Equal("0204060901000212" + "09", Convert.ToHexString(description.WrittenSpan));
        Assert.StartsWith("01020304" + "024142" + "00050006", Convert.ToHexString(contents.WrittenSpan));
        Assert.Equal(4 + 3 + 4 + 13, contents.WrittenCount);
        Assert.Equal(value, CompactDataEncoding.Decode(description.WrittenSpan, contents.WrittenSpan));
    }

    [Theory]
    [InlineData("02020606", "00000001")] // two values described, one given
    [InlineData("0201", "")] // truncated description
    [InlineData("13", "00")] // compact-array inside compact data
    [InlineData("0106", "")] // array count cut short
    [InlineData("06", "0000000100")] // trailing contents
    public void Malformed_templates_and_contents_are_encoding_errors(string description, string contents) =>
        Assert.Throws<CosemEncodingException>(() => CompactDataEncoding.Decode(Convert.FromHexString(description), Convert.FromHexString(contents)));

    [Fact]
    public void Nested_arrays_of_nothing_cannot_make_decoding_run_long()
    {
        // array(65535) of array(65535) of null-data: 4 billion values without a byte of contents.
        var description = Convert.FromHexString("01FFFF01FFFF00");
        Assert.Throws<CosemEncodingException>(() => CompactDataEncoding.Decode(description, []));
    }

    [Fact]
    public void An_array_whose_elements_differ_in_type_cannot_be_split()
    {
        var value = CosemData.Array(CosemData.FromUInt16(5), CosemData.FromUInt8(6));
        Assert.Throws<CosemEncodingException>(() => CompactDataEncoding.Split(value.ToArray(), new ArrayBufferWriter<byte>(), new ArrayBufferWriter<byte>()));
    }

    [Fact]
    public async Task A_capture_on_the_server_decodes_into_typed_values_on_the_client()
    {
        await using var meter = new LoopbackMeter();
        var compact = new CompactDataServer(CompactName).Capture(meter.Clock).Capture(meter.Energy).Capture(meter.Energy, 3);
        meter.Device.Add(compact);
        await meter.Server.StartAsync();
        await using var client = await meter.ConnectManagementAsync(hdlc: false);
        var proxy = new CompactData.Proxy(client, CompactName);

        await proxy.CaptureAsync();
        var reading = await proxy.ReadCompactAsync();

        Assert.Equal(1, reading.TemplateId);
        Assert.Equal(3, reading.CaptureObjects.Count);
        Assert.Equal(DataType.OctetString, reading.Values[0].Type);
        Assert.Equal(CosemDateTime.From(LoopbackMeter.Now), reading.Values[0].AsDateTime());
        Assert.Equal(CosemData.FromUInt32(12_345_678), reading.Values[1]);
        Assert.Equal(CosemData.Structure(CosemData.FromInt8(-3), CosemData.Enum((byte)Unit.WattHour)), reading.Values[2]);
        // The buffer carries no type tags: template id, 13 bytes of date-time octet-string, 4 bytes, 1 + 1.
        Assert.Equal(1 + 13 + 4 + 2, (await proxy.GetCompactBufferAsync()).Length);
    }

    [Fact]
    public async Task Implicit_capture_on_read_captures_the_current_values_and_reset_empties_the_buffer()
    {
        var energy = new Register(new ObisCode(1, 0, 1, 8, 0, 255)) { Value = CosemData.FromUInt32(1), ScalerUnit = new ScalerUnit(0, Unit.WattHour) };
        var compact = new CompactDataServer(CompactName) { CaptureMethod = CompactDataCaptureMethod.ImplicitCaptureOnRead, TemplateId = 7 }.Capture(energy);
        var proxy = new CompactData.Proxy(new LoopbackSession([compact, energy]), CompactName);

        Assert.Equal(CosemData.FromUInt32(1), (await proxy.ReadCompactAsync()).Values[0]);
        energy.Value = CosemData.FromUInt32(2);
        var reading = await proxy.ReadCompactAsync();
        Assert.Equal(7, reading.TemplateId);
        Assert.Equal(CosemData.FromUInt32(2), reading.Values[0]);

        compact.CaptureMethod = CompactDataCaptureMethod.InvokedCapture;
        await proxy.ResetAsync();
        Assert.Empty((await proxy.ReadCompactAsync()).Values);
        var error = await Assert.ThrowsAsync<Cosem.Sdk.ObjectModel.CosemServiceException>(() => proxy.SetCaptureObjectsAsync([]).AsTask());
        Assert.Equal(DataAccessResult.ReadWriteDenied, error.DataAccessResult);
    }

    [Fact]
    public void A_buffer_of_another_template_is_refused()
    {
        var error = Assert.Throws<CosemEncodingException>(() =>
            CompactData.Proxy.Decode(2, Convert.FromHexString("020106"), [new CaptureObjectDefinition(3, ObisCode.Parse("1.0.1.8.0.255"), 2, 0)],
                Convert.FromHexString("0100000001")));
        Assert.Contains("template 1", error.Message);
    }
}
