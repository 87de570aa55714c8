using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Objects;

/// <summary>
/// Rows of a profile whose restricting column lies between <see cref="From"/> and <see cref="To"/> (Blue Book
/// §4.3.6, access selector 1, range_descriptor). By default the restricting column is the clock time and every
/// column is returned.
/// </summary>
public readonly record struct RangeSelection(CosemDateTime From, CosemDateTime To)
{
    /// <summary>The access selector of a range_descriptor (1), as in
    /// <see cref="SelectiveAccessDescriptor.Selector"/>.</summary>
    public const byte Selector = 1;

    /// <summary>The column the range applies to; defaults to <see cref="CaptureObjectReference.Clock"/>.</summary>
    public CaptureObjectReference RestrictingObject { get; init; } = CaptureObjectReference.Clock;

    /// <summary>Columns to return; empty for all (selected_values).</summary>
    public IReadOnlyList<CaptureObjectReference> Columns { get; init; } = [];

    /// <summary>Encodes the selection as range_descriptor (restricting_object, from_value, to_value, selected_values)
    /// for a selective GET of a profile's buffer.</summary>
    public SelectiveAccessDescriptor ToDescriptor()
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        var writer = new AxdrWriter(buffer);
        writer.WriteStructureHeader(4);
        RestrictingObject.Encode(ref writer);
        writer.WriteDateTime(From);
        writer.WriteDateTime(To);
        writer.WriteArrayHeader(Columns.Count);
        foreach (var column in Columns)
        {
            column.Encode(ref writer);
        }
        writer.Flush();
        return new SelectiveAccessDescriptor(Selector, buffer.WrittenMemory);
    }

    /// <summary>Reads a range_descriptor, as a server receives it.</summary>
    public static RangeSelection Decode(ReadOnlySpan<byte> parameters)
    {
        var reader = new AxdrReader(parameters);
        reader.ReadStructureHeader(4, "range_descriptor");
        var restricting = CaptureObjectReference.Decode(ref reader);
        var from = reader.ReadDateTime();
        var to = reader.ReadDateTime();
        var columns = CosemCodecs.DecodeArray(ref reader, CaptureObjectReference.Decode);
        reader.EnsureAtEnd();
        return new RangeSelection(from, to) { RestrictingObject = restricting, Columns = columns };
    }
}
