using Cosem.Sdk.Axdr;
using Cosem.Sdk.Codec.Tests.Acse;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Codec.Tests.Axdr;

public class AxdrPrimitiveTests
{
    [Fact]
    public void Writes_and_reads_every_fixed_size_type()
    {
        var buffer = new byte[256];
        var writer = new AxdrWriter(buffer);
        writer.WriteBoolean(true);
        writer.WriteInt8(-5);
        writer.WriteInt16(-300);
        writer.WriteInt32(-70000);
        writer.WriteInt64(long.MinValue);
        writer.WriteUInt8(200);
        writer.WriteUInt16(60000);
        writer.WriteUInt32(4000000000);
        writer.WriteUInt64(ulong.MaxValue);
        writer.WriteEnum(7);
        writer.WriteFloat32(1.5f);
        writer.WriteFloat64(-2.25);
        writer.WriteNull();
        int length = writer.BytesWritten;

        var reader = new AxdrReader(buffer.AsSpan(0, length));
        Assert.True(reader.ReadBoolean());
        Assert.Equal(-5, reader.ReadInt8());
        Assert.Equal(-300, reader.ReadInt16());
        Assert.Equal(-70000, reader.ReadInt32());
        Assert.Equal(long.MinValue, reader.ReadInt64());
        Assert.Equal(200, reader.ReadUInt8());
        Assert.Equal(60000, reader.ReadUInt16());
        Assert.Equal(4000000000u, reader.ReadUInt32());
        Assert.Equal(ulong.MaxValue, reader.ReadUInt64());
        Assert.Equal(7, reader.ReadEnum());
        Assert.Equal(1.5f, reader.ReadFloat32());
        Assert.Equal(-2.25, reader.ReadFloat64());
        reader.ReadNull();
        reader.EnsureAtEnd();
    }

    [Theory]
    [InlineData(0, "00")]
    [InlineData(127, "7F")]
    [InlineData(128, "8180")]
    [InlineData(255, "81FF")]
    [InlineData(256, "820100")]
    [InlineData(65536, "83010000")]
    [InlineData(0x01000000, "8401000000")]
    public void Length_uses_the_shortest_form(int length, string expected)
    {
        var buffer = new byte[8];
        var writer = new AxdrWriter(buffer);
        writer.WriteLength(length);
        Assert.Equal(expected, Convert.ToHexString(writer.WrittenSpan));
        Assert.Equal(expected.Length / 2, AxdrWriter.GetLengthSize(length));
        var reader = new AxdrReader(writer.WrittenSpan);
        Assert.Equal(length, reader.ReadLength());
    }

    [Fact]
    public void Logical_name_register_value_vector_decodes()
    {
        // A Register value of double-long-unsigned 0x0001E240 (123456), the usual GET.response payload shape.
        var reader = new AxdrReader(HexText.Bytes("06 0001E240"));
        Assert.Equal(123456u, reader.ReadUInt32());

        var obis = new AxdrReader(HexText.Bytes("09 06 0100010800FF"));
        Assert.Equal(ObisCode.ActiveEnergyImport, obis.ReadObisCode());
    }

    [Theory]
    [InlineData("06 0001E2", "double-long-unsigned", 1)]   // truncated value: the four bytes start at 1
    [InlineData("09 05 0100010800", "logical-name", 0)]    // five-byte logical name: reported where it starts
    [InlineData("09 82 FFFF 00", "octet-string", 4)]      // length overruns: the contents start at 4
    [InlineData("12 0001", "double-long-unsigned", 0)]     // long-unsigned where double-long-unsigned expected
    public void Malformed_input_is_a_typed_error_with_offset(string hex, string field, int offset)
    {
        var bytes = HexText.Bytes(hex);
        var error = Assert.Throws<CosemEncodingException>(() =>
        {
            var reader = new AxdrReader(bytes);
            if (field == "logical-name") reader.ReadObisCode();
            else if (field == "octet-string") reader.ReadOctetString();
            else reader.ReadUInt32();
        });
        Assert.Equal(offset, error.Offset);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Buffer_writer_mode_grows_and_flushes()
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>(4);
        var writer = new AxdrWriter(output);
        writer.WriteArrayHeader(100);
        for (uint i = 0; i < 100; i++)
        {
            writer.WriteUInt32(i);
        }
        writer.Flush();
        Assert.Equal(2 + 500, output.WrittenCount);
        var reader = new AxdrReader(output.WrittenSpan);
        Assert.Equal(100, reader.ReadArrayHeader());
        for (uint i = 0; i < 100; i++)
        {
            Assert.Equal(i, reader.ReadUInt32());
        }
    }

    [Fact]
    public void Skip_walks_nested_values_and_compact_arrays()
    {
        // structure { array[2] { unsigned 1, unsigned 2 }, compact-array of 2 long-unsigned, visible-string "ab" }
        var bytes = HexText.Bytes("02 03  01 02 11 01 11 02  13 12 04 0001 0002  0A 02 6162");
        var reader = new AxdrReader(bytes);
        reader.SkipData();
        reader.EnsureAtEnd();
    }

    [Fact]
    public void Nesting_is_bounded()
    {
        var bytes = new byte[2 * (AxdrReader.MaxNesting + 5)];
        for (int i = 0; i < bytes.Length; i += 2)
        {
            bytes[i] = 0x02;
            bytes[i + 1] = 0x01;
        }
        Assert.Throws<CosemEncodingException>(() => new AxdrReader(bytes).SkipData());
    }
}
