using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Codec.Tests.Acse;
using Cosem.Sdk.Codec.Tests.Support;
using Cosem.Sdk.Codec.Tests.Support.Generators;
using CsCheck;

namespace Cosem.Sdk.Codec.Tests.Properties;

/// <summary>
/// Hostile input: for any byte string, and for mutations of valid encodings (truncation, bit flips, corrupted
/// length fields, overwritten bytes), decoding returns or throws <see cref="CosemEncodingException"/> - never any
/// other exception. Inputs are bounded (at most a few hundred bytes), so a hang shows as a test that does not end.
/// </summary>
public class RobustnessProperties
{
    public enum MutationKind { Truncate, FlipBit, CorruptLength, Overwrite, Insert, Delete }

    public readonly record struct Mutation(MutationKind Kind, int Position, byte Value)
    {
        public byte[] Apply(byte[] bytes)
        {
            if (bytes.Length == 0)
            {
                return bytes;
            }
            int at = Position % bytes.Length;
            var result = bytes.ToList();
            switch (Kind)
            {
                case MutationKind.Truncate: return bytes[..at];
                case MutationKind.FlipBit: result[at] ^= (byte)(1 << (Value & 7)); break;
                // Values that make a length (A-XDR or BER) long-form, huge, zero or indefinite.
                case MutationKind.CorruptLength: result[at] = LengthBytes[Value % LengthBytes.Length]; break;
                case MutationKind.Overwrite: result[at] = Value; break;
                case MutationKind.Insert: result.Insert(at, Value); break;
                case MutationKind.Delete: result.RemoveAt(at); break;
            }
            return [.. result];
        }
    }

    private static readonly byte[] LengthBytes = [0x00, 0x01, 0x7F, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x88, 0xFF];

    public static readonly Gen<Mutation> Mutations =
        Gen.Select(Gen.Enum<MutationKind>(), Gen.Int[0, int.MaxValue], Gen.Byte, (k, p, v) => new Mutation(k, p, v));

    private static readonly byte[] KnownTags = [.. Enum.GetValues<ApduTag>().Select(t => (byte)t)];

    /// <summary>Random bytes, mostly starting with a known tag and a small choice byte so decoding gets past the first bytes.</summary>
    private static readonly Gen<byte[]> Soup =
        Gen.Select(Gen.Byte.Array[0, 80], Gen.OneOf(KnownTags).Nullable(0.2), Gen.Byte[0, 8].Nullable(0.5), (bytes, tag, choice) =>
        {
            if (bytes.Length > 0 && tag is { } t) bytes[0] = t;
            if (bytes.Length > 1 && choice is { } c) bytes[1] = c;
            return bytes;
        });

    /// <summary>ACSE-shaped soup: an AARQ..RLRE tag and plausible outer length around random context-tagged TLVs.</summary>
    private static readonly Gen<byte[]> AcseSoup =
        from outer in Gen.Byte[0x60, 0x63]
        from fields in Gen.Select(Gen.Int[0, 30], Gen.Bool, Gen.Byte.Array[0, 12], Gen.Bool).Array[1, 6]
        select AcseBytes(outer, fields);

    private static byte[] AcseBytes(byte outer, (int Number, bool Constructed, byte[] Contents, bool Nested)[] fields)
    {
        var body = new List<byte>();
        foreach (var (number, constructed, contents, nested) in fields)
        {
            body.Add((byte)(0x80 | (constructed ? 0x20 : 0) | number));
            if (nested && contents.Length > 1)
            {
                contents[0] = (byte)(contents[0] % 7);
                contents[1] = (byte)(contents.Length - 2);
            }
            body.Add((byte)contents.Length);
            body.AddRange(contents);
        }
        return [outer, (byte)Math.Min(body.Count, 0x7F), .. body];
    }

    private static void ApduDecodesOrRefuses(byte[] bytes)
    {
        DecodesOrRefuses(bytes, ApduDecoder.Decode);
        DecodesOrRefuses(bytes, ApduDecoder.DecodeXdlms);
    }

    private static void DecodesOrRefuses(byte[] bytes, Func<ReadOnlyMemory<byte>, Cosem.Sdk.Apdu.Apdu> decode)
    {
        Cosem.Sdk.Apdu.Apdu apdu;
        try
        {
            apdu = decode(bytes);
        }
        catch (CosemEncodingException error)
        {
            Assert.InRange(error.Offset, -1, bytes.Length);
            return;
        }
        // Whatever decodes encodes again, and what it encodes decodes.
        _ = apdu.ToString();
        decode(apdu.ToArray());
    }

    private static void DataDecodesOrRefuses(byte[] bytes)
    {
        CosemData value;
        try
        {
            value = CosemData.Decode(bytes);
        }
        catch (CosemEncodingException error)
        {
            Assert.InRange(error.Offset, 0, bytes.Length);
            return;
        }
        // Non-minimal lengths are normalised outside compact-arrays, so compare values, not bytes.
        Assert.Equal(value, CosemData.Decode(value.ToArray()));
        _ = value.ToString();
    }

    [Fact]
    public void Any_bytes_decode_as_an_apdu_or_raise_only_encoding_errors() =>
        Soup.Sample(ApduDecodesOrRefuses, iter: PropertyRuns.Robustness, print: Convert.ToHexString);

    [Fact]
    public void Acse_shaped_bytes_decode_or_raise_only_encoding_errors() =>
        AcseSoup.Sample(ApduDecodesOrRefuses, iter: PropertyRuns.Robustness, print: Convert.ToHexString);

    [Fact]
    public void Mutated_apdus_decode_or_raise_only_encoding_errors() =>
        Gen.Select(ApduGenerators.Any, Mutations.Array[1, 3]).Sample((apdu, mutations) =>
        {
            var bytes = mutations.Aggregate(apdu.ToArray(), (b, m) => m.Apply(b));
            ApduDecodesOrRefuses(bytes);
        }, iter: PropertyRuns.Robustness, print: t => $"{ApduProperties.Print(t.Item1)} {string.Join(", ", t.Item2)}");

    /// <summary>The hand-checked vectors of the xDLMS and ACSE tests: real-world shapes the generators may not reach.</summary>
    private static readonly Gen<byte[]> Vectors =
        Gen.OneOf([.. Apdu.XdlmsApduCoverageTests.AllSamples.Concat(Acse.AcseRobustnessTests.Vectors)]).Select(HexText.Bytes);

    [Fact]
    public void Mutated_vectors_decode_or_raise_only_encoding_errors() =>
        Gen.Select(Vectors, Mutations.Array[1, 3]).Sample((bytes, mutations) =>
        {
            ApduDecodesOrRefuses(mutations.Aggregate(bytes, (b, m) => m.Apply(b)));
        }, iter: PropertyRuns.Robustness, print: t => $"{Convert.ToHexString(t.Item1)} {string.Join(", ", t.Item2)}");

    [Fact]
    public void Any_bytes_decode_as_data_or_raise_only_encoding_errors() =>
        Gen.Select(Gen.Byte.Array[0, 64], Gen.Byte[0, 0x21].Nullable(0.5), (bytes, tag) =>
        {
            if (bytes.Length > 0 && tag is { } t) bytes[0] = t; // defined tags so decoding goes deeper
            return bytes;
        }).Sample(DataDecodesOrRefuses, iter: PropertyRuns.Robustness, print: Convert.ToHexString);

    [Fact]
    public void Mutated_data_decodes_or_raises_only_encoding_errors() =>
        Gen.Select(AxdrGenerators.Data, Mutations.Array[1, 3]).Sample((value, mutations) =>
        {
            var bytes = mutations.Aggregate(value.ToArray(), (b, m) => m.Apply(b));
            DataDecodesOrRefuses(bytes);
        }, iter: PropertyRuns.Robustness, print: t => $"{Convert.ToHexString(t.Item1.ToArray())} {string.Join(", ", t.Item2)}");

    [Fact]
    public void Every_strict_prefix_of_encoded_data_is_refused_within_it() =>
        Gen.Select(AxdrGenerators.Data, Gen.Int[0, int.MaxValue]).Sample((value, cut) =>
        {
            byte[] encoded = value.ToArray();
            int length = cut % encoded.Length;
            var error = Assert.Throws<CosemEncodingException>(() => CosemData.Decode(encoded.AsSpan(0, length)));
            Assert.InRange(error.Offset, 0, length);
        }, iter: PropertyRuns.RoundTrip, print: t => $"{Convert.ToHexString(t.Item1.ToArray())} cut {t.Item2}");
}
