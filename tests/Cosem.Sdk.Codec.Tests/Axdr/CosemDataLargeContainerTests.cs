using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Codec.Tests.Axdr;

/// <summary>
/// Large arrays and structures decode to a checked copy of their bytes with items decoded on first access: every
/// observable answer (items, count, equality, hash, text, encoding, errors and their offsets) is the one the eager
/// tree decode (<see cref="CosemData.DecodeTree"/>) gives.
/// </summary>
public class CosemDataLargeContainerTests
{
    private static CosemData Row(int i) => CosemData.Structure(
        CosemData.OctetString([0x07, 0xE8, 1, 1, 1, 0, (byte)(i % 60), 0, 0, 0x80, 0, 0]),
        CosemData.FromUInt32((uint)i), CosemData.VisibleString($"row {i}"),
        CosemData.Array(Enumerable.Range(0, i % 40).Select(j => CosemData.FromInt16((short)-j)).ToArray()));

    private static byte[] Buffer(int rows) => CosemData.Array(Enumerable.Range(0, rows).Select(Row).ToArray()).ToArray();

    private static CosemData Tree(byte[] encoded)
    {
        var reader = new AxdrReader(encoded);
        var value = CosemData.DecodeTree(ref reader);
        reader.EnsureAtEnd();
        return value;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(300)]
    public void A_large_array_reads_like_the_tree_and_re_encodes_byte_identically(int rows)
    {
        var encoded = Buffer(rows);
        var decoded = CosemData.Decode(encoded);
        var tree = Tree(encoded);
        Assert.Equal(rows, decoded.Count);
        Assert.Equal(tree, decoded);
        Assert.Equal(decoded, tree);
        Assert.Equal(tree.GetHashCode(), decoded.GetHashCode());
        Assert.Equal(tree.ToString(), decoded.ToString());
        Assert.Equal(encoded, decoded.ToArray());
        for (int i = 0; i < rows; i++)
        {
            Assert.Equal(Row(i), decoded[i]);
            Assert.Equal(Row(i).ToArray(), decoded[i].ToArray());
        }
    }

    [Fact]
    public void Two_decodes_of_the_same_bytes_are_equal_before_and_after_their_items_are_read()
    {
        var encoded = Buffer(100);
        var left = CosemData.Decode(encoded);
        var right = CosemData.Decode(encoded);
        Assert.Equal(left, right);
        _ = left.Items;
        Assert.Equal(left, right);
        Assert.NotEqual(left, CosemData.Decode(Buffer(99)));
        var changed = (byte[])encoded.Clone();
        changed[^1] ^= 1;
        Assert.NotEqual(left, CosemData.Decode(changed));
    }

    [Fact]
    public void Lengths_sent_in_a_longer_form_are_re_encoded_shortest_as_in_the_tree()
    {
        // array of 40 × octet-string(1), each length sent as 0x81 0x01 instead of 0x01.
        var encoded = new List<byte> { 0x01, 0x28 };
        for (int i = 0; i < 40; i++)
        {
            encoded.AddRange([0x09, 0x81, 0x01, (byte)i]);
        }
        var decoded = CosemData.Decode(encoded.ToArray());
        var tree = Tree([.. encoded]);
        Assert.Equal(tree.ToArray(), decoded.ToArray());
        Assert.Equal(2 + 40 * 3, decoded.ToArray().Length);
        Assert.Equal(tree, decoded);
        Assert.Equal(CosemData.Decode(tree.ToArray()), decoded);
    }

    [Fact]
    public void Nested_large_arrays_are_read_on_demand_at_every_level()
    {
        var value = CosemData.Array(Enumerable.Range(0, 40).Select(i =>
            CosemData.Array(Enumerable.Range(0, 50).Select(j => CosemData.FromUInt16((ushort)(i * 100 + j))).ToArray())).ToArray());
        var decoded = CosemData.Decode(value.ToArray());
        Assert.Equal(50, decoded[39].Count);
        Assert.Equal(3949, decoded[39][49].AsInt64());
        Assert.Equal(value, decoded);
        Assert.Equal(value.ToArray(), decoded.ToArray());
        Assert.Equal(value[7].ToArray(), decoded[7].ToArray());
    }

    [Fact]
    public void A_large_array_inside_a_user_structure_encodes_as_its_items()
    {
        var inner = CosemData.Decode(Buffer(40));
        var outer = CosemData.Structure(CosemData.FromUInt8(1), inner);
        Assert.Equal(CosemData.Structure(CosemData.FromUInt8(1), Tree(Buffer(40))).ToArray(), outer.ToArray());
    }

    public static TheoryData<string, byte[]> BadBuffers()
    {
        var good = Buffer(50);
        int lastRow = good.Length - Row(49).ToArray().Length;
        var unknownTag = (byte[])good.Clone();
        unknownTag[lastRow + 2] = 0x42; // the date-time octet-string's tag of the last row
        var deep = new List<byte> { 0x01, 0x20 };
        for (int i = 0; i < 31; i++)
        {
            deep.AddRange([0x11, 0x00]);
        }
        for (int i = 0; i < 70; i++)
        {
            deep.AddRange([0x02, 0x01]);
        }
        deep.Add(0x00);
        var badLength = (byte[])good.Clone();
        badLength[lastRow + 3] = 0x85; // a five-byte length form
        return new()
        {
            { "truncated in the last row", good[..^1] },
            { "unknown tag in the last row", unknownTag },
            { "nested too deep in the last item", [.. deep] },
            { "bad length form in the last row", badLength },
            { "count larger than the bytes", [0x01, 0x82, 0x10, 0x00, 0x11, 0x00] },
        };
    }

    [Theory]
    [MemberData(nameof(BadBuffers))]
    public void Bad_bytes_anywhere_inside_fail_at_decode_with_the_trees_error(string what, byte[] encoded)
    {
        var expected = Assert.Throws<CosemEncodingException>(() => Tree(encoded));
        var actual = Assert.Throws<CosemEncodingException>(() => CosemData.Decode(encoded));
        Assert.Equal(expected.Message, actual.Message);
        Assert.Equal(expected.Offset, actual.Offset);
        Assert.False(string.IsNullOrEmpty(what));
    }

    [Fact]
    public void Items_read_from_many_threads_at_once_are_the_same_items()
    {
        var decoded = CosemData.Decode(Buffer(500));
        var seen = new CosemData[8][];
        Parallel.For(0, seen.Length, i => seen[i] = [.. decoded.Items]);
        foreach (var items in seen)
        {
            Assert.Equal(seen[0], items);
        }
        // ImmutableArray's own equality compares array references: compare the items.
        Assert.Equal(Tree(Buffer(500)).Items.ToArray(), decoded.Items.ToArray());
        Assert.True(decoded.Items == decoded.Items, "the items are decoded once");
    }

    [Fact]
    public void A_buffer_kept_in_several_pieces_reads_and_compares_like_one_kept_whole()
    {
        var encoded = Buffer(1500); // about 90 KB: kept in more than one piece
        Assert.True(encoded.Length > 64 * 1024, $"{encoded.Length} bytes");
        var decoded = CosemData.Decode(encoded);
        Assert.Equal(encoded, decoded.ToArray());
        Assert.Equal(Tree(encoded), decoded);
        Assert.Equal(decoded, CosemData.Decode(encoded));
        var changed = (byte[])encoded.Clone();
        changed[^1] ^= 1;
        Assert.NotEqual(decoded, CosemData.Decode(changed));
        // The same array nested in a larger one is kept as one piece of its parent's copy: equal all the same.
        var nested = CosemData.Decode(CosemData.Array(Enumerable.Repeat(decoded, 32).ToArray()).ToArray());
        Assert.Equal(decoded, nested[31]);
        Assert.Equal(nested[31], decoded);
        Assert.Equal(decoded.GetHashCode(), nested[31].GetHashCode());
        Assert.Equal(encoded, nested[31].ToArray());
    }
}
