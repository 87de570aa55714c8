using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Objects;

/// <summary>
/// One row of a profile read without a device profile: its encoded bytes and where each column starts, with typed
/// accessors per column that read straight from the bytes (no <see cref="CosemData"/> per value unless asked for).
/// </summary>
public sealed class ProfileRow
{
    private readonly byte[] _encoded;
    private readonly int[] _offsets;

    internal ProfileRow(ProfileShape shape, byte[] encoded, int[] offsets)
    {
        Shape = shape;
        _encoded = encoded;
        _offsets = offsets;
    }

    /// <summary>The columns (capture objects) of the row, shared with every row of the same profile.</summary>
    public ProfileShape Shape { get; }

    /// <summary>The number of columns.</summary>
    public int Count => _offsets.Length;

    /// <summary>The row's A-XDR encoding (the structure, header included), as the meter sent it.</summary>
    public ReadOnlySpan<byte> Encoded => _encoded;

    /// <summary>Column <paramref name="column"/> as a date-time (octet-string(12) or date-time [25]).</summary>
    /// <exception cref="CosemEncodingException">The column holds another type.</exception>
    public CosemDateTime GetDateTime(int column)
    {
        var reader = Reader(column);
        return reader.ReadDateTime();
    }

    /// <summary>Column <paramref name="column"/> as any integer type, enum or boolean, widened to 64 bits.</summary>
    /// <exception cref="CosemEncodingException">The column is not an integer (or is a long64-unsigned above <see cref="long.MaxValue"/>).</exception>
    public long GetInt64(int column)
    {
        var reader = Reader(column);
        return reader.ReadInteger();
    }

    /// <summary>Column <paramref name="column"/> as an integer scaled by <paramref name="scalerUnit"/> (exact).</summary>
    /// <exception cref="CosemEncodingException">The column is not an integer.</exception>
    public Quantity GetQuantity(int column, ScalerUnit scalerUnit) => Quantity.From(GetInt64(column), scalerUnit);

    /// <summary>Column <paramref name="column"/> as a float64 or float32 value.</summary>
    /// <exception cref="CosemEncodingException">The column is not a float.</exception>
    public double GetDouble(int column)
    {
        var reader = Reader(column);
        return reader.PeekDataType() == DataType.Float32 ? reader.ReadFloat32() : reader.ReadFloat64();
    }

    /// <summary>Column <paramref name="column"/> as an untyped value (allocates what the value holds).</summary>
    public CosemData GetData(int column)
    {
        var reader = Reader(column);
        return CosemData.Decode(ref reader);
    }

    /// <summary>The data type tag of column <paramref name="column"/>.</summary>
    public DataType GetDataType(int column) => (DataType)_encoded[_offsets[CheckColumn(column)]];

    /// <summary>The whole row as an untyped structure, for code written against <see cref="CosemData"/>.</summary>
    public CosemData ToData() => CosemData.Decode(_encoded);

    private AxdrReader Reader(int column) => new(_encoded.AsSpan(_offsets[CheckColumn(column)]));

    private int CheckColumn(int column) =>
        (uint)column < (uint)_offsets.Length ? column : throw new ArgumentOutOfRangeException(nameof(column), column, $"The row has {_offsets.Length} columns.");
}
