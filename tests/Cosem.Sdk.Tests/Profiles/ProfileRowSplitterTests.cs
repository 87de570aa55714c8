using System.Buffers;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Objects;

namespace Cosem.Sdk.Tests.Profiles;

/// <summary>
/// A profile buffer split at every possible place still yields the same typed rows; a buffer that ends inside a row,
/// carries bytes after its last row or is not an array is refused with a typed error.
/// </summary>
public class ProfileRowSplitterTests
{
    private static byte[] Encode(int rows)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AxdrWriter(buffer);
        CosemData.Array(Enumerable.Range(0, rows).Select(TypedProfileRowTests.Row).ToArray()).Encode(ref writer);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static List<ReferenceMeter.LoadProfileRow> Split(byte[] encoded, IEnumerable<int> pieceSizes)
    {
        using var splitter = new ProfileRowSplitter<ReferenceMeter.LoadProfileRow, TypedRowDecoder<ReferenceMeter.LoadProfileRow>>(default);
        var all = new List<ReferenceMeter.LoadProfileRow>();
        int at = 0;
        foreach (int size in pieceSizes)
        {
            int length = Math.Min(size, encoded.Length - at);
            int count = splitter.Push(encoded.AsSpan(at, length));
            Assert.Equal(count, splitter.Rows.Length);
            all.AddRange(splitter.Rows);
            at += length;
            if (at == encoded.Length)
            {
                break;
            }
        }
        splitter.Finish();
        return all;
    }

    private static IEnumerable<int> Repeat(int size) => Enumerable.Repeat(size, int.MaxValue);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(29)]
    [InlineData(200)]
    [InlineData(100_000)]
    public void Rows_split_across_pieces_of_any_size_decode_the_same(int pieceSize)
    {
        var encoded = Encode(300);
        var whole = Split(encoded, [encoded.Length]);
        Assert.Equal(300, whole.Count);
        Assert.Equal(whole, Split(encoded, Repeat(pieceSize)));
    }

    [Fact]
    public void Pieces_of_random_sizes_decode_the_same()
    {
        var encoded = Encode(500);
        var random = new Random(17);
        Assert.Equal(Split(encoded, [encoded.Length]), Split(encoded, Enumerable.Range(0, int.MaxValue).Select(_ => random.Next(0, 90))));
    }

    [Fact]
    public void A_long_array_length_form_is_read_across_pieces()
    {
        var encoded = Encode(200); // 200 rows: length as 0x81 0xC8
        Assert.Equal(0x81, encoded[1]);
        Assert.Equal(200, Split(encoded, new[] { 2, 1 }.Concat(Repeat(50))).Count);
    }

    [Fact]
    public void A_buffer_that_ends_inside_a_row_is_refused()
    {
        var encoded = Encode(10);
        var error = Assert.Throws<CosemEncodingException>(() => Split(encoded[..^3], Repeat(16)));
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_after_the_last_row_are_refused()
    {
        var encoded = Encode(3).Concat(new byte[] { 0x11, 0x05 }).ToArray();
        Assert.Throws<CosemEncodingException>(() => Split(encoded, Repeat(4)));
    }

    [Fact]
    public void A_buffer_that_is_not_an_array_is_refused()
    {
        Assert.Throws<CosemEncodingException>(() => Split([0x02, 0x00], [2]));
    }

    [Fact]
    public void A_row_of_another_shape_is_refused_at_its_offset()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AxdrWriter(buffer);
        CosemData.Array([CosemData.Structure(CosemData.FromUInt32(1), CosemData.FromUInt32(2))]).Encode(ref writer);
        writer.Flush();
        var error = Assert.Throws<CosemEncodingException>(() => Split(buffer.WrittenSpan.ToArray(), [100]));
        Assert.True(error.Offset >= 2, $"offset {error.Offset}");
    }

    // Rows of one octet-string each, so their lengths can differ a lot from row to row.
    private static byte[] EncodeStrings(IEnumerable<int> lengths) =>
        CosemData.Array(lengths.Select(n => CosemData.Structure(CosemData.OctetString(new byte[n]))).ToArray()).ToArray();

    private static int StringLength(ref AxdrReader reader)
    {
        reader.ReadStructureHeader(1);
        return reader.ReadOctetString().Length;
    }

    private static List<int> SplitStrings(byte[] encoded, int pieceSize)
    {
        using var splitter = new ProfileRowSplitter<int, DelegateRowDecoder<int>>(new DelegateRowDecoder<int>(StringLength));
        var all = new List<int>();
        for (int at = 0; at < encoded.Length; at += pieceSize)
        {
            splitter.Push(encoded.AsSpan(at, Math.Min(pieceSize, encoded.Length - at)));
            all.AddRange(splitter.Rows);
        }
        splitter.Finish();
        return all;
    }

    [Theory]
    [InlineData(64)]
    [InlineData(100)]
    [InlineData(333)]
    [InlineData(1100)] // the 1000-byte row is cut by the end of the first piece and completed from the second
    public void A_row_far_longer_than_those_before_it_waits_for_the_next_piece(int pieceSize)
    {
        // Short rows are decoded in place without being measured; the long one is cut by the end of a piece.
        int[] lengths = [.. Enumerable.Repeat(1, 20), 300, .. Enumerable.Repeat(2, 20), 1000, 0, 5];
        Assert.Equal(lengths, SplitStrings(EncodeStrings(lengths), pieceSize));
    }

    [Fact]
    public void A_bad_row_decoded_in_place_is_refused_at_its_offset()
    {
        var encoded = EncodeStrings(Enumerable.Repeat(3, 50));
        int tenthRow = 2 + 9 * 7;
        encoded[tenthRow + 2] = (byte)DataType.VisibleString;
        var error = Assert.Throws<CosemEncodingException>(() => SplitStrings(encoded, 4096));
        Assert.Equal(tenthRow + 2, error.Offset);
    }
}
