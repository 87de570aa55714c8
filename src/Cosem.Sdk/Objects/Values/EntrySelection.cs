using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Objects;

/// <summary>
/// Rows <see cref="FromEntry"/>..<see cref="ToEntry"/> and columns <see cref="FromColumn"/>..<see cref="ToColumn"/>
/// of a profile, all 1-based; 0 as an upper bound means "up to the last" (Blue Book §4.3.6, access selector 2,
/// entry_descriptor).
/// </summary>
public readonly record struct EntrySelection(uint FromEntry, uint ToEntry, ushort FromColumn = 1, ushort ToColumn = 0)
{
    /// <summary>The access selector of an entry_descriptor (2), as in
    /// <see cref="SelectiveAccessDescriptor.Selector"/>.</summary>
    public const byte Selector = 2;

    /// <summary>Encodes the selection as entry_descriptor (structure of double-long-unsigned from/to entry and
    /// long-unsigned from/to selected value) for a selective GET of a profile's buffer.</summary>
    public SelectiveAccessDescriptor ToDescriptor()
    {
        Span<byte> buffer = stackalloc byte[2 + 5 + 5 + 3 + 3];
        var writer = new AxdrWriter(buffer);
        writer.WriteStructureHeader(4);
        writer.WriteUInt32(FromEntry);
        writer.WriteUInt32(ToEntry);
        writer.WriteUInt16(FromColumn);
        writer.WriteUInt16(ToColumn);
        return new SelectiveAccessDescriptor(Selector, writer.WrittenSpan.ToArray());
    }

    /// <summary>Reads an entry_descriptor, as a server receives it.</summary>
    public static EntrySelection Decode(ReadOnlySpan<byte> parameters)
    {
        var reader = new AxdrReader(parameters);
        reader.ReadStructureHeader(4, "entry_descriptor");
        var selection = new EntrySelection(reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt16(), reader.ReadUInt16());
        reader.EnsureAtEnd();
        return selection;
    }

    /// <summary>
    /// The selected rows of <paramref name="rows"/>; when rows are structures (<see cref="CosemData"/>), also only
    /// the selected columns. A range past the end is cut to what exists.
    /// </summary>
    public IReadOnlyList<T> Apply<T>(IReadOnlyList<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (FromEntry == 0 || (ToEntry != 0 && ToEntry < FromEntry) || FromColumn == 0 || (ToColumn != 0 && ToColumn < FromColumn))
        {
            throw new CosemServiceException(DataAccessResult.OtherReason, $"Entry selection {this} is not a valid range.");
        }
        long first = FromEntry - 1L;
        long last = ToEntry == 0 ? rows.Count - 1L : Math.Min(ToEntry - 1L, rows.Count - 1L);
        var result = new List<T>((int)Math.Max(0, last - first + 1));
        for (long i = first; i <= last; i++)
        {
            result.Add(SelectColumns(rows[(int)i]));
        }
        return result;
    }

    private T SelectColumns<T>(T row)
    {
        if (FromColumn == 1 && ToColumn == 0 || row is not CosemData { Type: DataType.Structure } structure)
        {
            return row;
        }
        var items = structure.Items;
        int first = FromColumn - 1;
        int last = ToColumn == 0 ? items.Length - 1 : Math.Min(ToColumn - 1, items.Length - 1);
        var selected = first > last ? [] : items.AsSpan(first, last - first + 1);
        return (T)(object)CosemData.Structure(selected);
    }

    /// <summary>
    /// Serves a selective read of an in-memory buffer the way the generated default getters do: entry selections
    /// are applied, other selectors are refused.
    /// </summary>
    public static IReadOnlyList<T> Select<T>(IReadOnlyList<T> rows, SelectiveAccessDescriptor? access)
    {
        if (access is not { } descriptor)
        {
            return rows;
        }
        if (descriptor.Selector != Selector)
        {
            throw new CosemServiceException(DataAccessResult.OtherReason,
                $"Access selector {descriptor.Selector} needs an implementation; override the getter to serve it.");
        }
        EntrySelection selection;
        try
        {
            selection = Decode(descriptor.Parameters.Span);
        }
        catch (CosemEncodingException e)
        {
            throw new CosemServiceException(DataAccessResult.TypeUnmatched, "The entry_descriptor does not decode: " + e.Message);
        }
        return selection.Apply(rows);
    }
}
