using System.Buffers;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Codec.Tests.Support;
using Cosem.Sdk.Codec.Tests.Support.Generators;
using CsCheck;

namespace Cosem.Sdk.Codec.Tests.Properties;

/// <summary>decode(encode(x)) == x and encode(decode(bytes)) == bytes for every A-XDR type.</summary>
public class AxdrProperties
{
    private static byte[] Write<T>(T value, AxdrEncoder<T> encode)
    {
        var output = new ArrayBufferWriter<byte>(16);
        var writer = new AxdrWriter(output);
        encode(ref writer, value);
        writer.Flush();
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Writes <paramref name="value"/>, reads it back (to the end), checks equality and that rewriting gives the same bytes.</summary>
    private static void RoundTrip<T>(Gen<T> gen, AxdrEncoder<T> encode, AxdrDecoder<T> decode) =>
        gen.Sample(value =>
        {
            byte[] bytes = Write(value, encode);
            var reader = new AxdrReader(bytes);
            T decoded = decode(ref reader);
            reader.EnsureAtEnd();
            Assert.Equal(value, decoded);
            Assert.Equal(bytes, Write(decoded, encode));
        }, iter: PropertyRuns.RoundTrip);

    [Fact] public void Boolean() => RoundTrip(Gen.Bool, (ref w, v) => w.WriteBoolean(v), (ref r) => r.ReadBoolean());
    [Fact] public void Int8() => RoundTrip(Gen.SByte, (ref w, v) => w.WriteInt8(v), (ref r) => r.ReadInt8());
    [Fact] public void UInt8() => RoundTrip(Gen.Byte, (ref w, v) => w.WriteUInt8(v), (ref r) => r.ReadUInt8());
    [Fact] public void Enum() => RoundTrip(Gen.Byte, (ref w, v) => w.WriteEnum(v), (ref r) => r.ReadEnum());
    [Fact] public void Bcd() => RoundTrip(Gen.Byte, (ref w, v) => w.WriteBcd(v), (ref r) => r.ReadBcd());
    [Fact] public void Int16() => RoundTrip(Gen.Short, (ref w, v) => w.WriteInt16(v), (ref r) => r.ReadInt16());
    [Fact] public void UInt16() => RoundTrip(Gen.UShort, (ref w, v) => w.WriteUInt16(v), (ref r) => r.ReadUInt16());
    [Fact] public void Int32() => RoundTrip(Gen.Int, (ref w, v) => w.WriteInt32(v), (ref r) => r.ReadInt32());
    [Fact] public void UInt32() => RoundTrip(Gen.UInt, (ref w, v) => w.WriteUInt32(v), (ref r) => r.ReadUInt32());
    [Fact] public void Int64() => RoundTrip(Gen.Long, (ref w, v) => w.WriteInt64(v), (ref r) => r.ReadInt64());
    [Fact] public void UInt64() => RoundTrip(Gen.ULong, (ref w, v) => w.WriteUInt64(v), (ref r) => r.ReadUInt64());

    [Fact]
    public void Float32_bits() => RoundTrip(Gen.UInt,
        (ref w, v) => w.WriteFloat32(BitConverter.UInt32BitsToSingle(v)), (ref r) => BitConverter.SingleToUInt32Bits(r.ReadFloat32()));

    [Fact]
    public void Float64_bits() => RoundTrip(Gen.ULong,
        (ref w, v) => w.WriteFloat64(BitConverter.UInt64BitsToDouble(v)), (ref r) => BitConverter.DoubleToUInt64Bits(r.ReadFloat64()));

    [Fact]
    public void Integer_of_any_integer_type() => RoundTrip(
        AxdrGenerators.SimpleType
            .Where(t => t is not (DataType.NullData or DataType.DontCare or DataType.Boolean or DataType.BitString or DataType.OctetString
                or DataType.VisibleString or DataType.Utf8String or DataType.Float32 or DataType.Float64 or DataType.DateTime
                or DataType.Date or DataType.Time or DataType.Long64 or DataType.Long64Unsigned or DataType.Bcd)) // bcd has its own writer
            .SelectMany(AxdrGenerators.Simple),
        (ref w, v) => w.WriteInteger(v.Type, v.AsInt64()), (ref r) => CosemData.Decode(ref r));

    [Fact]
    public void Length() => RoundTrip(Gen.OneOf(Gen.Int[0, 0x200], Gen.Int[0, int.MaxValue]),
        (ref w, v) => w.WriteLength(v), (ref r) => r.ReadLength());

    [Fact]
    public void Octet_string() => RoundTrip(AxdrGenerators.Bytes(300),
        (ref w, v) => w.WriteOctetString(v), (ref r) => r.ReadOctetString().ToArray());

    [Fact]
    public void Visible_string() => RoundTrip(Gen.Char[' ', '~'].Array[0, 40].Select(c => new string(c)),
        (ref w, v) => w.WriteVisibleString(v), (ref r) => r.ReadVisibleString());

    [Fact]
    public void Utf8_string() => RoundTrip(Gen.String,
        (ref w, v) => w.WriteUtf8String(v), (ref r) => r.ReadUtf8String());

    [Fact] public void Bit_string() => RoundTrip(AxdrGenerators.BitString, (ref w, v) => w.WriteBitString(v), (ref r) => r.ReadBitStringValue());
    [Fact] public void Raw_bit_string() => RoundTrip(AxdrGenerators.BitString, (ref w, v) => w.WriteRawBitString(v), (ref r) => r.ReadRawBitString());
    [Fact] public void Obis_code() => RoundTrip(AxdrGenerators.Obis, (ref w, v) => w.WriteObisCode(v), (ref r) => r.ReadObisCode());
    [Fact] public void Raw_obis_code() => RoundTrip(AxdrGenerators.Obis, (ref w, v) => w.WriteRawObisCode(v), (ref r) => r.ReadRawObisCode());

    [Fact] public void Date_time() => RoundTrip(AxdrGenerators.DateTime, (ref w, v) => w.WriteDateTime(v), (ref r) => r.ReadDateTime());
    [Fact] public void Date_time_tagged() => RoundTrip(AxdrGenerators.DateTime, (ref w, v) => w.WriteDateTimeTagged(v), (ref r) => r.ReadDateTime());
    [Fact] public void Date() => RoundTrip(AxdrGenerators.Date, (ref w, v) => w.WriteDate(v), (ref r) => r.ReadDate());
    [Fact] public void Date_tagged() => RoundTrip(AxdrGenerators.Date, (ref w, v) => w.WriteDateTagged(v), (ref r) => r.ReadDate());
    [Fact] public void Time() => RoundTrip(AxdrGenerators.Time, (ref w, v) => w.WriteTime(v), (ref r) => r.ReadTime());
    [Fact] public void Time_tagged() => RoundTrip(AxdrGenerators.Time, (ref w, v) => w.WriteTimeTagged(v), (ref r) => r.ReadTime());

    [Fact]
    public void Obis_code_text_round_trips() =>
        AxdrGenerators.Obis.Sample(code => Assert.Equal(code, ObisCode.Parse(code.ToString())), iter: PropertyRuns.RoundTrip);

    [Fact]
    public void Any_twelve_bytes_are_a_date_time_kept_exactly() =>
        AxdrGenerators.AnyDateTimeBytes.Sample(bytes =>
        {
            var value = new CosemDateTime(bytes);
            var copy = new byte[CosemDateTime.Length];
            value.CopyTo(copy);
            Assert.Equal(bytes, copy);
            Assert.Equal(value, new CosemDateTime(copy));
            Assert.False(string.IsNullOrEmpty(value.ToString()));
            _ = value.TryToDateTimeOffset(out _); // must never throw
        }, iter: PropertyRuns.RoundTrip);

    [Fact]
    public void Date_time_from_its_parts_keeps_them() =>
        AxdrGenerators.DateTime.Sample(value =>
        {
            Assert.Equal(value, new CosemDateTime(value.Date, value.Time,
                (short)(value.Deviation ?? CosemDateTime.DeviationNotSpecified),
                value.ClockStatus is { } status ? (byte)status : CosemDateTime.ClockStatusNotSpecified));
            _ = value.TryToDateTimeOffset(out _);
        }, iter: PropertyRuns.RoundTrip);

    [Fact]
    public void Cosem_data_trees_round_trip_byte_identically() =>
        AxdrGenerators.Data.Sample(value =>
        {
            byte[] encoded = value.ToArray();
            var decoded = CosemData.Decode(encoded);
            Assert.Equal(value, decoded);
            Assert.Equal(value.GetHashCode(), decoded.GetHashCode());
            Assert.Equal(encoded, decoded.ToArray());
            // The skipper agrees with the decoder on where the value ends.
            var reader = new AxdrReader(encoded);
            reader.SkipData();
            reader.EnsureAtEnd();
        }, iter: PropertyRuns.RoundTrip);

    [Fact]
    public void Compact_arrays_round_trip_and_describe_their_elements() =>
        AxdrGenerators.CompactArray.Sample(value =>
        {
            byte[] encoded = value.ToArray();
            var decoded = CosemData.Decode(encoded);
            Assert.Equal(value, decoded);
            Assert.Equal(encoded, decoded.ToArray());
        }, iter: PropertyRuns.RoundTrip);

    [Fact]
    public void Every_simple_type_round_trips() =>
        AxdrGenerators.SimpleData.Sample(value =>
        {
            byte[] encoded = value.ToArray();
            Assert.Equal((byte)value.Type, encoded[0]);
            Assert.Equal(value, CosemData.Decode(encoded));
            Assert.Equal(encoded, CosemData.Decode(encoded).ToArray());
        }, iter: PropertyRuns.RoundTrip);
}
