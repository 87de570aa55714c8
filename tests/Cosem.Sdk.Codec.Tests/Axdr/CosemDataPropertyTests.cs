using System.Text;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Codec.Tests.Axdr;

// Seeded random round-trips and hostile-input sweeps: reproducible, each loop a few thousand cases.
public class CosemDataPropertyTests
{
    private static readonly DataType[] SimpleTypes =
    [
        DataType.NullData, DataType.Boolean, DataType.BitString, DataType.DoubleLong, DataType.DoubleLongUnsigned,
        DataType.OctetString, DataType.VisibleString, DataType.Utf8String, DataType.Bcd, DataType.Integer,
        DataType.Long, DataType.Unsigned, DataType.LongUnsigned, DataType.Long64, DataType.Long64Unsigned,
        DataType.Enum, DataType.Float32, DataType.Float64, DataType.DateTime, DataType.Date, DataType.Time,
        DataType.DeltaInteger, DataType.DeltaLong, DataType.DeltaDoubleLong, DataType.DeltaUnsigned,
        DataType.DeltaLongUnsigned, DataType.DeltaDoubleLongUnsigned, DataType.DontCare,
    ];

    [Fact]
    public void Random_trees_round_trip_byte_identically()
    {
        var random = new Random(20260101);
        for (int i = 0; i < 3000; i++)
        {
            var value = RandomData(random, depth: 0);
            var encoded = value.ToArray();
            var decoded = CosemData.Decode(encoded);
            Assert.Equal(value, decoded);
            Assert.Equal(value.GetHashCode(), decoded.GetHashCode());
            Assert.Equal(encoded, decoded.ToArray());

            // The skipper agrees with the decoder on where the value ends.
            var reader = new AxdrReader(encoded);
            reader.SkipData();
            reader.EnsureAtEnd();
        }
    }

    [Fact]
    public void Random_bytes_only_ever_raise_encoding_errors()
    {
        var random = new Random(42);
        var buffer = new byte[64];
        for (int i = 0; i < 5000; i++)
        {
            var bytes = buffer.AsSpan(0, random.Next(buffer.Length + 1));
            random.NextBytes(bytes);
            if (bytes.Length > 0 && random.Next(2) == 0)
            {
                bytes[0] = (byte)random.Next(0x22); // bias towards defined tags so decoding goes deeper
            }
            DecodeExpectingOnlyEncodingErrors(bytes.ToArray());
        }
    }

    [Fact]
    public void Truncated_and_corrupted_encodings_are_typed_errors()
    {
        var random = new Random(99);
        for (int i = 0; i < 500; i++)
        {
            var encoded = RandomData(random, depth: 0).ToArray();
            for (int cut = 0; cut < encoded.Length; cut += 1 + encoded.Length / 16)
            {
                var error = Assert.Throws<CosemEncodingException>(() => CosemData.Decode(encoded.AsSpan(0, cut)));
                Assert.True(error.Offset >= 0 && error.Offset <= cut, error.Message);
            }
            var corrupted = (byte[])encoded.Clone();
            corrupted[random.Next(corrupted.Length)] ^= (byte)(1 << random.Next(8));
            DecodeExpectingOnlyEncodingErrors(corrupted);
        }
    }

    private static void DecodeExpectingOnlyEncodingErrors(byte[] bytes)
    {
        try
        {
            // Whatever decodes re-encodes to bytes that decode to the same value (the sender may have used
            // non-minimal length forms, which are normalised outside compact-arrays).
            var value = CosemData.Decode(bytes);
            Assert.Equal(value, CosemData.Decode(value.ToArray()));
            _ = value.ToString();
        }
        catch (CosemEncodingException error)
        {
            Assert.True(error.Offset >= 0, error.Message);
        }
    }

    private static CosemData RandomData(Random random, int depth)
    {
        int choice = random.Next(depth >= 4 ? 10 : 14);
        return choice switch
        {
            10 => CosemData.Array(RandomItems(random, depth)),
            11 => CosemData.Structure(RandomItems(random, depth)),
            12 or 13 => RandomCompactArray(random),
            _ => RandomSimple(random, SimpleTypes[random.Next(SimpleTypes.Length)]),
        };
    }

    private static CosemData[] RandomItems(Random random, int depth)
    {
        var items = new CosemData[random.Next(random.Next(10) == 0 ? 140 : 5)];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = RandomData(random, depth + 1);
        }
        return items;
    }

    private static CosemData RandomCompactArray(Random random)
    {
        var description = RandomDescription(random, 0);
        var elements = new CosemData[random.Next(6)];
        for (int i = 0; i < elements.Length; i++)
        {
            elements[i] = RandomElement(random, description);
        }
        return CosemData.CompactArray(description, elements);
    }

    private static TypeDescription RandomDescription(Random random, int depth)
    {
        switch (depth < 3 ? random.Next(8) : 0)
        {
            case 6:
                return TypeDescription.ArrayOf(random.Next(1, 4), RandomDescription(random, depth + 1));
            case 7:
                var fields = new TypeDescription[random.Next(1, 5)];
                for (int i = 0; i < fields.Length; i++)
                {
                    fields[i] = RandomDescription(random, depth + 1);
                }
                return TypeDescription.StructureOf(fields);
            default:
                // Zero-size types only inside structures with a sized neighbour would be needed; keep leaves sized.
                DataType type;
                do
                {
                    type = SimpleTypes[random.Next(SimpleTypes.Length)];
                }
                while (type is DataType.NullData or DataType.DontCare);
                return TypeDescription.Simple(type);
        }
    }

    private static CosemData RandomElement(Random random, TypeDescription description) => description.Type switch
    {
        DataType.Array => CosemData.Array(Enumerable.Range(0, description.ElementCount).Select(_ => RandomElement(random, description.ElementType!)).ToArray()),
        DataType.Structure => CosemData.Structure(description.Fields.Select(field => RandomElement(random, field)).ToArray()),
        _ => RandomSimple(random, description.Type),
    };

    private static CosemData RandomSimple(Random random, DataType type)
    {
        switch (type)
        {
            case DataType.NullData: return CosemData.Null;
            case DataType.DontCare: return CosemData.DontCare;
            case DataType.Boolean: return CosemData.Boolean(random.Next(2) == 1);
            case DataType.Long64Unsigned: return CosemData.FromUInt64((ulong)random.NextInt64() * 2 + (ulong)random.Next(2));
            case DataType.Long64: return CosemData.FromInt64(random.NextInt64(long.MinValue, long.MaxValue));
            case DataType.Float32: return CosemData.FromFloat32(BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue)));
            case DataType.Float64: return CosemData.FromFloat64(BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue)));
            case DataType.OctetString: return CosemData.OctetString(RandomBytes(random, random.Next(random.Next(8) == 0 ? 300 : 16)));
            case DataType.VisibleString: return CosemData.VisibleString(new string(Enumerable.Range(0, random.Next(12)).Select(_ => (char)random.Next(0x20, 0x7F)).ToArray()));
            case DataType.Utf8String: return CosemData.Utf8String(new string(Enumerable.Range(0, random.Next(6)).Select(_ => "aé€ü"[random.Next(4)]).ToArray()));
            case DataType.BitString:
                int bits = random.Next(24);
                return CosemData.BitString(new BitString(RandomBytes(random, BitString.ByteCount(bits)), bits));
            case DataType.DateTime: return CosemData.DateTimeTagged(new CosemDateTime(RandomBytes(random, CosemDateTime.Length)));
            case DataType.Date: return CosemData.DateTagged(new CosemDate(RandomBytes(random, CosemDate.Length)));
            case DataType.Time: return CosemData.TimeTagged(new CosemTime(RandomBytes(random, CosemTime.Length)));
            default:
                var (min, max) = type switch
                {
                    DataType.Integer or DataType.DeltaInteger => (sbyte.MinValue, sbyte.MaxValue),
                    DataType.Long or DataType.DeltaLong => (short.MinValue, short.MaxValue),
                    DataType.DoubleLong or DataType.DeltaDoubleLong => (int.MinValue, int.MaxValue),
                    DataType.LongUnsigned or DataType.DeltaLongUnsigned => (0, ushort.MaxValue),
                    DataType.DoubleLongUnsigned or DataType.DeltaDoubleLongUnsigned => (0, (long)uint.MaxValue),
                    _ => (0L, 255L), // unsigned, enum, bcd, delta-unsigned
                };
                return CosemData.FromInteger(type, random.NextInt64(min, max + 1));
        }
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
