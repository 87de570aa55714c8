using System.Linq;
using Cosem.Sdk.Generators.Helpers;
using Cosem.Sdk.Generators.Model;
using static Cosem.Sdk.Generators.Emitting.CSharpText;

namespace Cosem.Sdk.Generators.Emitting;

/// <summary>
/// For a profile whose device file declares its capture objects: a row type with one typed column per capture object
/// (decoded straight from the A-XDR bytes) and a typed proxy that streams those rows, both nested in the facade.
/// </summary>
internal static class ProfileRowEmitter
{
    /// <summary>The facade property's type for <paramref name="obj"/>: the typed proxy when it has columns.</summary>
    public static string ProxyType(DeviceObjectModel obj) => obj.Columns.IsEmpty ? obj.ClassFullName + ".Proxy" : ProxyName(obj);

    public static string ProxyName(DeviceObjectModel obj) => obj.Member + "Proxy";

    public static string RowName(DeviceObjectModel obj) => obj.Member + "Row";

    /// <summary>Writes the row type and the typed proxy of <paramref name="obj"/> inside the facade class.</summary>
    public static void Write(SourceWriter w, DeviceObjectModel obj)
    {
        WriteRow(w, obj);
        WriteProxy(w, obj);
    }

    private static void WriteRow(SourceWriter w, DeviceObjectModel obj)
    {
        string row = RowName(obj);
        var columns = obj.Columns;
        w.WriteLine();
        w.WriteLine("/// <summary>One row of " + Escape(obj.Member) + " (" + obj.LogicalName + "), one typed column per capture object the device profile declares.</summary>");
        foreach (var column in columns)
        {
            w.WriteLine("/// <param name=\"" + column.Member + "\">" + ColumnText(column) + "</param>");
        }
        w.WriteLine(GeneratedFile.GeneratedCodeAttribute);
        w.OpenBlock("public readonly record struct " + row + "(" + string.Join(", ", columns.Select(c => ClrTypes.CsType(c.Type) + " " + c.Member)) + ") : "
            + KnownTypes.TypedProfileRow + "<" + row + ">");
        w.WriteLine("/// <summary>The capture objects of the row's columns, in capture order, as the device profile declares them.</summary>");
        w.WriteLine("public static " + KnownTypes.ReadOnlyList + "<" + KnownTypes.CaptureObjectReference + "> CaptureObjects { get; } =");
        w.WriteLine("[");
        w.Indent();
        foreach (var column in columns)
        {
            w.WriteLine(Reference(column) + ",");
        }
        w.Unindent();
        w.WriteLine("];");
        foreach (var column in columns.Where(c => c.ScalerUnit is not null))
        {
            w.WriteLine();
            w.WriteLine("/// <summary>" + Escape(column.Member) + " scaled by its declared scaler and unit (" + Escape(column.ScalerUnit!) + ").</summary>");
            w.WriteLine("public " + KnownTypes.Quantity + " " + column.Member + "Quantity => " + KnownTypes.Quantity + ".From(" + column.Member + ", " + column.ScalerUnit + ");");
        }
        w.WriteLine();
        w.WriteLine("/// <summary>Reads one row (a structure of " + Count(columns.Count, "element") + ") straight from the A-XDR bytes.</summary>");
        w.WriteLine("/// <exception cref=\"" + Cref("global::Cosem.Sdk.CosemEncodingException") + "\">The row is not a structure of these columns.</exception>");
        w.OpenBlock("public static " + row + " Decode(ref " + KnownTypes.AxdrReader + " reader)");
        w.WriteLine("reader.ReadStructureHeader(" + Int(columns.Count) + ", " + Literal(row) + ");");
        for (int i = 0; i < columns.Count; i++)
        {
            w.WriteLine("var c" + Int(i) + " = " + AxdrExpressions.Decode(columns[i].Type, "reader") + ";");
        }
        w.WriteLine("return new " + row + "(" + string.Join(", ", Enumerable.Range(0, columns.Count).Select(i => "c" + Int(i))) + ");");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("/// <summary>Writes the row as a structure of its columns, as a meter's buffer carries it.</summary>");
        w.OpenBlock("public void Encode(ref " + KnownTypes.AxdrWriter + " writer)");
        w.WriteLine("writer.WriteStructureHeader(" + Int(columns.Count) + ");");
        foreach (var column in columns)
        {
            w.WriteLine(AxdrExpressions.Encode(column.Type, "writer", column.Member) + ";");
        }
        w.CloseBlock();
        w.CloseBlock();
    }

    private static void WriteProxy(SourceWriter w, DeviceObjectModel obj)
    {
        string row = RowName(obj);
        string rows = KnownTypes.AsyncEnumerable + "<" + row + ">";
        string token = KnownTypes.CancellationToken + " cancellationToken = default";
        // The row type's own static Decode is called without a delegate (ITypedProfileRow): one direct call per row.
        string read = KnownTypes.ProfileRowReader + ".ReadAsync<" + row + ">(Session, Attribute(2), ";
        var timeColumn = obj.Columns.FirstOrDefault(c => c.Type.Kind == AxdrKind.DateTime);
        string range = "new " + KnownTypes.RangeSelection + "(from, to)"
            + (timeColumn is null ? "" : " { RestrictingObject = " + Reference(timeColumn) + " }");
        w.WriteLine();
        w.WriteLine("/// <summary>The " + Escape(obj.Member) + " profile (" + obj.LogicalName + ") with typed reads of its rows as <see cref=\"" + row + "\"/>;");
        w.WriteLine("/// every untyped member of the Profile generic proxy is still there.</summary>");
        w.WriteLine("/// <remarks>Rows stream while the buffer arrives (block by block); the association is busy until the loop ends, so");
        w.WriteLine("/// collect the rows before using it again. Breaking out or cancelling stops the transfer.</remarks>");
        w.WriteLine(GeneratedFile.GeneratedCodeAttribute);
        w.OpenBlock("public sealed class " + ProxyName(obj) + " : " + obj.ClassFullName + ".Proxy");
        w.WriteLine("/// <summary>The typed proxy of " + Escape(obj.Member) + " over <paramref name=\"session\"/>.</summary>");
        w.WriteLine("/// <param name=\"session\">The open association the reads go through.</param>");
        w.WriteLine("/// <param name=\"logicalName\">Logical name of the profile on the meter.</param>");
        w.WriteLine("public " + ProxyName(obj) + "(" + KnownTypes.CosemSession + " session, " + KnownTypes.ObisCode + " logicalName)");
        w.WriteLine("    : base(session, logicalName)");
        w.WriteLine("{");
        w.WriteLine("}");
        w.WriteLine();
        w.WriteLine("/// <summary>Every row of the buffer, oldest first as the meter sorts it.</summary>");
        w.WriteLine("public " + rows + " ReadAllAsync(" + token + ") =>");
        w.WriteLine("    " + read + "null, cancellationToken);");
        w.WriteLine();
        w.WriteLine("/// <summary>The rows captured from <paramref name=\"from\"/> to <paramref name=\"to\"/> (selective access by range"
            + (timeColumn is null ? " on the clock" : " on " + Escape(timeColumn.Member)) + ").</summary>");
        w.WriteLine("public " + rows + " ReadRangeAsync(" + KnownTypes.CosemDateTime + " from, " + KnownTypes.CosemDateTime + " to, " + token + ") =>");
        w.WriteLine("    " + read + range + ".ToDescriptor(), cancellationToken);");
        w.WriteLine();
        w.WriteLine("/// <summary>The rows captured from <paramref name=\"from\"/> to <paramref name=\"to\"/>, given as instants (sent with their UTC offsets).</summary>");
        w.WriteLine("public " + rows + " ReadRangeAsync(" + KnownTypes.DateTimeOffset + " from, " + KnownTypes.DateTimeOffset + " to, " + token + ") =>");
        w.WriteLine("    ReadRangeAsync(" + KnownTypes.CosemDateTime + ".From(from), " + KnownTypes.CosemDateTime + ".From(to), cancellationToken);");
        w.WriteLine();
        w.WriteLine("/// <summary>Rows <paramref name=\"fromEntry\"/> to <paramref name=\"toEntry\"/> (1-based; 0 as the end means the last), by entry.</summary>");
        w.WriteLine("public " + rows + " ReadEntriesAsync(uint fromEntry, uint toEntry, " + token + ") =>");
        w.WriteLine("    " + read + "new " + KnownTypes.EntrySelection + "(fromEntry, toEntry).ToDescriptor(), cancellationToken);");
        w.WriteLine();
        w.WriteLine("/// <summary>The rows (all, or those <paramref name=\"access\"/> selects) a batch per block received, the fastest read:");
        w.WriteLine("/// one await per block and a plain loop over the batch's <c>Span</c>. A batch lies in a pooled array that the next");
        w.WriteLine("/// batch reuses, so copy the rows you keep before moving on.</summary>");
        w.WriteLine("/// <param name=\"access\">A range or entry selection's descriptor, or null for every row.</param>");
        w.WriteLine("/// <param name=\"cancellationToken\">Stops the transfer: no further block is asked for.</param>");
        w.WriteLine("public " + KnownTypes.AsyncEnumerable + "<" + KnownTypes.ReadOnlyMemory + "<" + row + ">> ReadBatchesAsync(" + KnownTypes.SelectiveAccessDescriptor + "? access, " + token + ") =>");
        w.WriteLine("    " + KnownTypes.ProfileRowReader + ".ReadBatchesAsync<" + row + ">(Session, Attribute(2), access, cancellationToken);");
        w.CloseBlock();
    }

    private static string Reference(DeviceColumnModel column) =>
        "new " + KnownTypes.CaptureObjectReference + "(" + Int(column.ClassId) + ", new " + KnownTypes.ObisCode + "(" + string.Join(", ", column.LogicalName.Split('.'))
        + "), " + Int(column.Attribute) + (column.DataIndex == 0 ? "" : ", " + Int(column.DataIndex)) + ")";

    private static string ColumnText(DeviceColumnModel column) =>
        (column.Summary is null ? "" : Escape(column.Summary) + ": ")
        + "class " + Int(column.ClassId) + ", " + column.LogicalName + ", attribute " + Int(column.Attribute)
        + (column.DataIndex == 0 ? "" : ", data index " + Int(column.DataIndex)) + " (" + Escape(AxdrTypeName(column.Type)) + ").";
}
