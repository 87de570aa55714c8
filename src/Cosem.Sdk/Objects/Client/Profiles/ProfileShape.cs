using System.Collections.Concurrent;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Objects;

/// <summary>
/// The columns of a profile as its capture_objects list them, and the row decoder for that shape: built once per
/// distinct capture list and shared by every proxy and read that meets the same list.
/// </summary>
public sealed class ProfileShape
{
    private static readonly ConcurrentDictionary<string, ProfileShape> Shapes = new(StringComparer.Ordinal);
    private const int MaxCachedShapes = 1024;

    private readonly Dictionary<(ObisCode LogicalName, sbyte Attribute, ushort DataIndex), int> _index = [];

    private ProfileShape(IReadOnlyList<CaptureObjectDefinition> columns)
    {
        Columns = columns;
        for (int i = 0; i < columns.Count; i++)
        {
            _index.TryAdd((columns[i].LogicalName, columns[i].AttributeIndex, columns[i].DataIndex), i);
        }
        Decode = DecodeRow;
    }

    /// <summary>The capture objects, one per column, in the order the row carries them.</summary>
    public IReadOnlyList<CaptureObjectDefinition> Columns { get; }

    /// <summary>Reads one row of this shape: checks the element count and notes where each column starts; the values
    /// stay encoded until a typed accessor of <see cref="ProfileRow"/> reads them.</summary>
    public AxdrDecoder<ProfileRow> Decode { get; }

    /// <summary>The shape of <paramref name="columns"/>, from the cache when the same capture list was seen before.</summary>
    public static ProfileShape For(IReadOnlyList<CaptureObjectDefinition> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        string key = string.Join(";", columns.Select(c => $"{c.ClassId}/{c.LogicalName}/{c.AttributeIndex}/{c.DataIndex}"));
        if (Shapes.TryGetValue(key, out var shape))
        {
            return shape;
        }
        shape = new ProfileShape(columns.ToArray());
        // Meters with odd capture lists cannot grow the cache without bound.
        return Shapes.Count < MaxCachedShapes ? Shapes.GetOrAdd(key, shape) : shape;
    }

    /// <summary>The column that captures <paramref name="logicalName"/>'s attribute (data index 0 unless given), or -1.</summary>
    public int IndexOf(ObisCode logicalName, sbyte attribute = 2, ushort dataIndex = 0) =>
        _index.TryGetValue((logicalName, attribute, dataIndex), out int column) ? column : -1;

    private ProfileRow DecodeRow(ref AxdrReader reader)
    {
        int start = reader.Position;
        reader.ReadStructureHeader(Columns.Count, "profile row");
        var offsets = new int[Columns.Count];
        for (int i = 0; i < offsets.Length; i++)
        {
            offsets[i] = reader.Position - start;
            reader.SkipData();
        }
        return new ProfileRow(this, reader.Buffer[start..reader.Position].ToArray(), offsets);
    }
}
