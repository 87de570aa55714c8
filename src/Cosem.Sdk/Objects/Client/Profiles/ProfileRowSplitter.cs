using System.Buffers;
using System.Runtime.CompilerServices;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Objects;

/// <summary>
/// Turns a profile buffer (array of row structures) that arrives in pieces into decoded rows, piece by piece. Whole
/// rows are decoded straight from the piece into a pooled row array (one loop per piece, no call per row but the
/// decoder's); only the row cut by a block boundary is copied, so what is held is one piece, one partial row and the
/// rows of the current piece.
/// </summary>
internal sealed class ProfileRowSplitter<TRow, TDecoder> : IDisposable
    where TDecoder : struct, IProfileRowDecoder<TRow>
{
    private readonly TDecoder _decoder;
    private byte[] _carry = [];
    private int _carryLength;
    private bool _headerRead;
    private int _rowsLeft;
    private long _consumed;

    private TRow[] _rows = [];
    private int _count;

    // Rows are decoded in place, unmeasured, while the piece holds at least twice the longest row seen so far; before
    // the first row every row is measured (which also checks that the decoder reads a whole row).
    private int _longestRow;
    private int _roomForAnyRow = int.MaxValue;

    // Where the row being decoded in place began, for telling a cut row from bad data when the decoder throws.
    private int _rowStart;

    public ProfileRowSplitter(TDecoder decoder) => _decoder = decoder;

    /// <summary>True once the array header and every row it announces have been decoded.</summary>
    public bool IsComplete => _headerRead && _rowsLeft == 0;

    /// <summary>The rows the last <see cref="Push"/> decoded; valid until the next call.</summary>
    public ReadOnlySpan<TRow> Rows => _rows.AsSpan(0, _count);

    /// <summary>The pooled array that holds <see cref="Rows"/> from index 0 (replaced when it grows).</summary>
    public TRow[] RowArray => _rows;

    /// <summary>Decodes every row <paramref name="piece"/> completes (the previous piece's rows are dropped).</summary>
    /// <returns>How many rows <see cref="Rows"/> now holds.</returns>
    public int Push(ReadOnlySpan<byte> piece)
    {
        DropRows();
        if (_carryLength > 0)
        {
            int used = CompleteCarriedRow(piece);
            if (_carryLength > 0)
            {
                return _count;
            }
            piece = piece[used..];
        }
        int decoded = Decode(piece);
        Keep(piece[decoded..]);
        return _count;
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
        _carryLength = 0;
        if (_rows.Length > 0)
        {
            ArrayPool<TRow>.Shared.Return(_rows, RuntimeHelpers.IsReferenceOrContainsReferences<TRow>());
            _rows = [];
        }
        _count = 0;
    }

    // The carried bytes end inside a row: only as much of the piece as completes it is copied behind them (a growing
    // slice, usually one step), then the rest of the piece is decoded where it lies. Returns how much of the piece
    // the carry took; the carry is empty afterwards unless the whole piece went into it.
    private int CompleteCarriedRow(ReadOnlySpan<byte> piece)
    {
        int carriedLeft = _carryLength;
        int appended = 0;
        int step = Math.Max(2 * _longestRow, 64);
        while (true)
        {
            int take = Math.Min(step, piece.Length - appended);
            Append(piece.Slice(appended, take));
            appended += take;
            int taken = Decode(_carry.AsSpan(0, _carryLength));
            _carry.AsSpan(taken, _carryLength - taken).CopyTo(_carry);
            _carryLength -= taken;
            carriedLeft -= taken;
            if (carriedLeft <= 0)
            {
                // Only bytes of this piece are left in the carry: decode them from the piece instead.
                int used = appended - _carryLength;
                _carryLength = 0;
                return used;
            }
            if (appended == piece.Length)
            {
                return appended;
            }
            step = step <= int.MaxValue / 2 ? 2 * step : int.MaxValue;
        }
    }

    private int Decode(ReadOnlySpan<byte> data)
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
            if (data.Length - position >= _roomForAnyRow)
            {
                // Far from the end of the piece: decode in place and let the decoder tell how long each row was.
                position = DecodeInPlace(data, position, offset, out bool cut);
                if (cut)
                {
                    break;
                }
                continue;
            }
            // Near the end, where a row may be cut: measure it first, decode only when it is whole.
            if (!AxdrElementMeasure.TryMeasure(data[position..], offset + position, out int length))
            {
                break;
            }
            var reader = new AxdrReader(data.Slice(position, length), offset + position);
            var row = _decoder.Decode(ref reader);
            reader.EnsureAtEnd("end of a profile row");
            Add(row);
            NoteLength(length);
            position += length;
            _rowsLeft--;
        }
        _consumed += position;
        return position;
    }

    // Decodes rows without measuring them first. The decoder only runs out of bytes when a row much longer than every
    // row before it is cut by the end of the piece: that (rare) case is told apart from bad data by measuring, and the
    // row waits for the next piece.
    private int DecodeInPlace(ReadOnlySpan<byte> data, int position, int offset, out bool cut)
    {
        int countBefore = _count;
        int rowsLeftBefore = _rowsLeft;
        _rowStart = position;
        try
        {
            cut = false;
            return DecodeRun(data, position, offset);
        }
        catch (CosemEncodingException) when (!AxdrElementMeasure.TryMeasure(data[_rowStart..], offset + _rowStart, out _))
        {
            _rowsLeft = rowsLeftBefore - (_count - countBefore);
            cut = true;
            return _rowStart;
        }
    }

    // The hot loop: one reader over the piece, rows written straight into the row array.
    private int DecodeRun(ReadOnlySpan<byte> data, int position, int offset)
    {
        var reader = new AxdrReader(data[position..], offset + position);
        var rows = _rows;
        int count = _count;
        int rowsLeft = _rowsLeft;
        while (rowsLeft > 0 && reader.Remaining >= _roomForAnyRow)
        {
            int start = reader.Position;
            _rowStart = position + start;
            var row = _decoder.Decode(ref reader);
            int length = reader.Position - start;
            if (length == 0)
            {
                throw new CosemEncodingException("The row decoder read nothing.", offset + position + start, "profile row");
            }
            if (length > _longestRow)
            {
                NoteLength(length);
            }
            if ((uint)count >= (uint)rows.Length)
            {
                rows = Grow();
            }
            rows[count++] = row;
            _count = count;
            rowsLeft--;
        }
        _rowsLeft = rowsLeft;
        return position + reader.Position;
    }

    private void Add(TRow row)
    {
        if (_count == _rows.Length)
        {
            Grow();
        }
        _rows[_count++] = row;
    }

    private TRow[] Grow()
    {
        var larger = ArrayPool<TRow>.Shared.Rent(Math.Max(64, 2 * _rows.Length));
        _rows.AsSpan(0, _count).CopyTo(larger);
        if (_rows.Length > 0)
        {
            ArrayPool<TRow>.Shared.Return(_rows, RuntimeHelpers.IsReferenceOrContainsReferences<TRow>());
        }
        _rows = larger;
        return larger;
    }

    // The previous piece's rows are the caller's now: references in them are not kept alive by the pooled array.
    private void DropRows()
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<TRow>())
        {
            _rows.AsSpan(0, _count).Clear();
        }
        _count = 0;
    }

    private void NoteLength(int length)
    {
        if (length > _longestRow)
        {
            _longestRow = length;
            _roomForAnyRow = length <= int.MaxValue / 2 ? 2 * length : int.MaxValue;
        }
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
        if (_carry.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_carry);
        }
        _carry = larger;
    }
}
