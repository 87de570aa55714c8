using System.Buffers;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Generators.Tests.Generated;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Generators.Tests;

/// <summary>
/// Every complex type generated from the test schema (compiled into this assembly by the generator) encodes to the
/// expected A-XDR and decodes back to an equal value.
/// </summary>
public class RoundTripTests
{
    private delegate T Decoder<T>(ref AxdrReader reader);

    private delegate void Encoder<T>(ref AxdrWriter writer, T value);

    private static byte[] Encode<T>(T value, Encoder<T> encode)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AxdrWriter(buffer);
        encode(ref writer, value);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static T Decode<T>(byte[] bytes, Decoder<T> decode)
    {
        var reader = new AxdrReader(bytes);
        var value = decode(ref reader);
        reader.EnsureAtEnd();
        return value;
    }

    [Fact]
    public void ScalerUnit_matches_the_blue_book_encoding()
    {
        // scal_unit_type { scaler integer -3, unit enum 30 (Wh) }: structure(2) 02 02, integer 0F FD, enum 16 1E
        // (tags from IEC 62056-6-2 §4.1.5 / Blue Book 4.1.5 "Data" CHOICE).
        byte[] expected = [0x02, 0x02, 0x0F, 0xFD, 0x16, 0x1E];
        var value = new ScalerUnit(-3, Unit.WattHour);
        Assert.Equal(expected, Encode(value, ScalerUnit.Encode));
        Assert.Equal(value, Decode(expected, ScalerUnit.Decode));
    }

    [Fact]
    public void CaptureObjectDefinition_round_trips()
    {
        // capture_object_definition of the clock time: {8, 0.0.1.0.0.255, 2, 0} (Blue Book class 7 example column).
        byte[] expected =
        [
            0x02, 0x04, 0x12, 0x00, 0x08, 0x09, 0x06, 0x00, 0x00, 0x01, 0x00, 0x00, 0xFF, 0x0F, 0x02, 0x12, 0x00, 0x00,
        ];
        var value = new CaptureObjectDefinition(8, new ObisCode(0, 0, 1, 0, 0, 255), 2, 0);
        Assert.Equal(expected, Encode(value, CaptureObjectDefinition.Encode));
        Assert.Equal(value, Decode(expected, CaptureObjectDefinition.Decode));
    }

    [Fact]
    public void PresetAdjustingTime_round_trips()
    {
        var preset = CosemDateTime.From(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.FromHours(1)));
        var value = new PresetAdjustingTime(preset, preset, CosemDateTime.Unspecified);
        var bytes = Encode(value, PresetAdjustingTime.Encode);
        Assert.Equal(2 + 3 * 14, bytes.Length);
        Assert.Equal(value, Decode(bytes, PresetAdjustingTime.Decode));
    }

    [Fact]
    public void ServiceEntry_a_sealed_record_with_a_string_round_trips()
    {
        var value = new ServiceEntry(CosemDateTime.Unspecified, "J. Smith", ValveState.Open);
        var bytes = Encode(value, ServiceEntry.Encode);
        Assert.Equal(value, Decode(bytes, ServiceEntry.Decode));
        Assert.Equal(new ServiceEntry(CosemDateTime.Unspecified, "", ValveState.Closed), new ServiceEntry());
    }

    [Fact]
    public void Calibration_with_a_nested_structure_and_flags_round_trips()
    {
        var value = new Calibration(-12, 100_000, ValveFlags8.Armed, new ScalerUnit(-1, Unit.Volt));
        byte[] expected =
        [
            0x02, 0x04,
            0x10, 0xFF, 0xF4,                   // long -12
            0x05, 0x00, 0x01, 0x86, 0xA0,       // double-long 100000
            0x11, 0x01,                         // unsigned, bit 0
            0x02, 0x02, 0x0F, 0xFF, 0x16, 0x23, // scaler_unit {-1, V}
        ];
        Assert.Equal(expected, Encode(value, Calibration.Encode));
        Assert.Equal(value, Decode(expected, Calibration.Decode));
    }

    [Fact]
    public void A_structure_with_the_wrong_element_count_is_a_typed_error()
    {
        byte[] bytes = [0x02, 0x01, 0x0F, 0xFD];
        var error = Assert.Throws<CosemEncodingException>(() => Decode(bytes, ScalerUnit.Decode));
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void Generated_enums_and_flags_carry_the_schema_values()
    {
        Assert.Equal(30, (int)Unit.WattHour);
        Assert.Equal(2, (int)ValveState.Fault);
        Assert.Equal(1 << 9, (int)ValveAlarms.BatteryLow);
        Assert.Equal(typeof(ushort), Enum.GetUnderlyingType(typeof(ValveAlarms)));
        Assert.True(typeof(ValveAlarms).IsDefined(typeof(FlagsAttribute), false));
        Assert.Equal(0, (int)ValveAlarms.None);
    }
}
