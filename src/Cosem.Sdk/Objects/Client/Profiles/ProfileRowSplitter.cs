using System.Buffers;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Objects;

/// <summary>
/// Turns a profile buffer (array of row structures) that arrives in pieces into decoded rows, piece by piece. Whole
/// rows are decoded straight from the piece; only the row cut by a block boundary is copied, so what is held is one
/// piece, one partial row and the rows of the current piece.
/// </summary>
internal sealed class ProfileRowSplitter<TRow>(AxdrDecoder<TRow> decodeRow) : IDisposable
{
    private byte[] _carry = [];
    private int _carryLength;
    private bool _headerRead;
    private int _rowsLeft;
    private long _consumed;

    // Rows are decoded in place, unmeasured, while the piece holds at least twice the longest row seen so far; before
    // the first row every row is measured (which also checks that the decoder reads a whole row).
    private int _longestRow;
    private int _roomForAnyRow = int.MaxValue;

    /// <summary>True once the array header and every row it announces have been decoded.</summary>
    public bool IsComplete => _headerRead && _rowsLeft == 0;

    /// <summary>Decodes every row <paramref name="piece"/> completes into <paramref name="rows"/> (cleared first).</summary>
    public void Push(ReadOnlySpan<byte> piece, List<TRow> rows)
    {
        rows.Clear();
        if (_carryLength == 0)
        {
            int used = Decode(piece, rows);
            Keep(piece[used..]);
            return;
        }
        Append(piece);
        int taken = Decode(_carry.AsSpan(0, _carryLength), rows);
        _carry.AsSpan(taken, _carryLength - taken).CopyTo(_carry);
        _carryLength -= taken;
    }

    /// <summary>Checks that the buffer ended where its array did.</summary>
    /// <exception cref="CosemEncodingException">The buffer ended inside a row, or more bytes followed the last row.</exception>
    public void Finish()
    {
        if (!IsComplete)
        {
            throw new CosemEncodingException(_headerRead
                ? $"The profile buffer ended with {_rowsLeft} announced row(s) missing."
                : "The profile buffer ended before its array header.", (int)Math.Min(int.MaxValue, _consumed + _carryLength), "buffer");
        }
        if (_carryLength > 0)
        {
            throw new CosemEncodingException($"{_carryLength} byte(s) follow the last row of the profile buffer.", (int)Math.Min(int.MaxValue, _consumed), "buffer");
        }
    }

    public void Dispose()
    {
        if (_carry.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_carry);
            _carry = [];
        }
    }

    private int Decode(ReadOnlySpan<byte> data, List<TRow> rows)
    {
        int position = 0;
        int offset = (int)Math.Min(int.MaxValue, _consumed);
        if (!_headerRead)
        {
            if (data.Length == 0)
            {
                return 0;
            }
            if (data[0] != (byte)DataType.Array)
            {
                throw new CosemEncodingException($"A profile buffer is an array; found {DataTypeInfo.Name((DataType)data[0])}.", offset, "buffer");
            }
            int at = 1;
            if (!AxdrElementMeasure.TryReadLength(data, ref at, offset, out _rowsLeft))
            {
                return 0;
            }
            _headerRead = true;
            position = at;
        }
        while (_rowsLeft > 0 && position < data.Length)
        {
            int length;
            if (data.Length - position >= _roomForAnyRow)
            {
                // Far from the end of the piece: decode in place and let the decoder tell how long the row was.
                if (!TryDecodeInPlace(data[position..], offset + position, rows, out length))
                {
                    break;
                }
            }
            else
            {
                // Near the end, where a row may be cut: measure it first, decode only when it is whole.
                if (!AxdrElementMeasure.TryMeasure(data[position..], offset + position, out length))
                {
                    break;
                }
                var reader = new AxdrReader(data.Slice(position, length), offset + position);
                rows.Add(decodeRow(ref reader));
                reader.EnsureAtEnd("end of a profile row");
            }
            if (length > _longestRow)
            {
                _longestRow = length;
                _roomForAnyRow = length <= int.MaxValue / 2 ? 2 * length : int.MaxValue;
            }
            position += length;
            _rowsLeft--;
        }
        _consumed += position;
        return position;
    }

    // Decodes the row at the start of rest without measuring it first. The decoder only runs out of bytes when this
    // row is much longer than every row before it and cut by the end of the piece: that (rare) case is told apart
    // from bad data by measuring, and the row waits for the next piece.
    private bool TryDecodeInPlace(ReadOnlySpan<byte> rest, int offset, List<TRow> rows, out int length)
    {
        var reader = new AxdrReader(rest, offset);
        TRow row;
        try
        {
            row = decodeRow(ref reader);
        }
        catch (CosemEncodingException) when (!AxdrElementMeasure.TryMeasure(rest, offset, out _))
        {
            length = 0;
            return false;
        }
        length = reader.Position;
        if (length == 0)
        {
            throw new CosemEncodingException("The row decoder read nothing.", offset, "profile row");
        }
        rows.Add(row);
        return true;
    }

    private void Keep(ReadOnlySpan<byte> rest)
    {
        if (rest.Length == 0)
        {
            return;
        }
        Reserve(rest.Length);
        rest.CopyTo(_carry);
        _carryLength = rest.Length;
    }

    private void Append(ReadOnlySpan<byte> piece)
    {
        Reserve(_carryLength + piece.Length);
        piece.CopyTo(_carry.AsSpan(_carryLength));
        _carryLength += piece.Length;
    }

    private void Reserve(int length)
    {
        if (_carry.Length >= length)
        {
            return;
        }
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(length, 256));
        _carry.AsSpan(0, _carryLength).CopyTo(larger);
        Dispose();
        _carry = larger;
    }
}
