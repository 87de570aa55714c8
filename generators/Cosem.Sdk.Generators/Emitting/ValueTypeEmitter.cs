using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Cosem.Sdk.Generators.Helpers;
using Cosem.Sdk.Generators.Model;
using Cosem.Sdk.Generators.Parsing;
using static Cosem.Sdk.Generators.Emitting.CSharpText;

namespace Cosem.Sdk.Generators.Emitting;

/// <summary>The named types of the schema (&lt;enum&gt;, &lt;flags&gt;, &lt;structure&gt;) as C# enums and records.</summary>
internal static class ValueTypeEmitter
{
    /// <summary>One named type: an enum (flags get <c>[Flags]</c> and a None member) or a record with its A-XDR structure codec.</summary>
    public static string Emit(NamedTypeModel model)
    {
        var w = GeneratedFile.Begin(model.Namespace);
        switch (model.Kind)
        {
            case NamedTypeKind.Enum:
            case NamedTypeKind.Flags:
                WriteEnum(w, model);
                break;
            default:
                WriteStructure(w, model);
                break;
        }
        return GeneratedFile.End(w);
    }

    private static void WriteEnum(SourceWriter w, NamedTypeModel model)
    {
        bool flags = model.Kind == NamedTypeKind.Flags;
        string underlying = EnumUnderlyingType(model);
        GeneratedFile.WriteSummary(w, model.Summary is { } summary
            ? Escape(summary)
            : (flags ? "Flags " + Escape(model.Name) + ": " + Count(model.Members.Count, "named bit") + " of an A-XDR " + KindName(model.Encoding)
                : "Enumeration " + Escape(model.Name) + ": " + Count(model.Members.Count, "named value") + " of an A-XDR " + KindName(model.Encoding)) + ".",
            escape: false);
        w.WriteLine("/// <remarks>Encoded as " + KindName(model.Encoding) + (flags ? "; bit n is <c>1 &lt;&lt; n</c>" : "") + ".</remarks>");
        if (flags)
        {
            w.WriteLine("[" + KnownTypes.FlagsAttribute + "]");
        }
        w.WriteLine(GeneratedFile.GeneratedCodeAttribute);
        w.OpenBlock("public enum " + model.Name + " : " + underlying);
        if (flags && !model.Members.Any(m => m.Member == "None"))
        {
            w.WriteLine("/// <summary>No bit set.</summary>");
            w.WriteLine("None = 0,");
            if (model.Members.Count > 0)
            {
                w.WriteLine();
            }
        }
        for (int i = 0; i < model.Members.Count; i++)
        {
            var member = model.Members[i];
            if (i > 0)
            {
                w.WriteLine();
            }
            w.WriteLine("/// <summary>" + (member.Summary is { } memberSummary
                ? Escape(memberSummary)
                : (flags ? "Bit " : "Value ") + member.Value.ToString(CultureInfo.InvariantCulture) + " of " + Escape(model.Name) + " (<c>" + Escape(member.Name) + "</c>).")
                + "</summary>");
            string value = flags ? BitLiteral(underlying, model.FirstBitHigh ? model.BitCount - 1 - member.Value : member.Value) : member.Value.ToString(CultureInfo.InvariantCulture);
            w.WriteLine(member.Member + " = " + value + ",");
        }
        w.CloseBlock();
    }

    private static void WriteStructure(SourceWriter w, NamedTypeModel model)
    {
        string name = model.Name;
        string shape = "A-XDR structure of " + Count(model.Fields.Count, "element");
        GeneratedFile.WriteSummary(w, model.Summary is { } summary
            ? Escape(summary)
            : Escape(name) + ": an " + shape + " (" + string.Join(", ", model.Fields.Select(f => "<c>" + Escape(f.Name) + "</c>")) + ").",
            escape: false);
        for (int i = 0; i < model.Fields.Count; i++)
        {
            var field = model.Fields[i];
            w.WriteLine("/// <param name=\"" + field.Member + "\">" + (field.Summary is { } fieldSummary
                ? Escape(fieldSummary)
                : "Element " + Int(i + 1) + " of " + Escape(name) + " (<c>" + Escape(field.Name) + "</c>): " + AxdrTypeName(field.Type) + ".")
                + "</param>");
        }
        w.WriteLine("/// <remarks>Encoded as a structure of " + Int(model.Fields.Count) + " element(s).</remarks>");
        w.WriteLine(GeneratedFile.GeneratedCodeAttribute);
        w.WriteLine(model.IsReferenceType ? "public sealed partial record " + name + "(" : "public readonly partial record struct " + name + "(");
        w.Indent();
        for (int i = 0; i < model.Fields.Count; i++)
        {
            var field = model.Fields[i];
            w.WriteLine(ClrTypes.CsType(field.Type) + " " + field.Member + (i == model.Fields.Count - 1 ? ")" : ","));
        }
        w.Unindent();
        w.OpenBlock();
        if (model.IsReferenceType)
        {
            w.WriteLine("/// <summary>A value with every field at its default (empty lists and strings).</summary>");
            w.WriteLine("public " + name + "()");
            w.WriteLine("    : this(" + string.Join(", ", model.Fields.Select(f => ClrTypes.DefaultArgumentValue(f.Type))) + ")");
            w.WriteLine("{");
            w.WriteLine("}");
            w.WriteLine();
        }
        w.WriteLine("/// <summary>Reads one " + Escape(name) + " (" + shape + ") from the reader.</summary>");
        w.WriteLine("/// <param name=\"reader\">Positioned at the structure's tag; left after its last element.</param>");
        w.WriteLine("/// <returns>The decoded value.</returns>");
        w.OpenBlock("public static " + model.FullName + " Decode(ref " + KnownTypes.AxdrReader + " reader)");
        w.WriteLine("reader.ReadStructureHeader(" + Int(model.Fields.Count) + ", " + Literal(name) + ");");
        w.WriteLine("return new " + model.FullName + "(");
        w.Indent();
        for (int i = 0; i < model.Fields.Count; i++)
        {
            w.WriteLine(AxdrExpressions.Decode(model.Fields[i].Type, "reader") + (i == model.Fields.Count - 1 ? ");" : ","));
        }
        w.Unindent();
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("/// <summary>Writes this " + Escape(name) + " (" + shape + ") to the writer.</summary>");
        w.WriteLine("/// <param name=\"writer\">The writer the structure is appended to.</param>");
        w.OpenBlock("public void Encode(ref " + KnownTypes.AxdrWriter + " writer)");
        w.WriteLine("writer.WriteStructureHeader(" + Int(model.Fields.Count) + ");");
        foreach (var field in model.Fields)
        {
            w.WriteLine(AxdrExpressions.Encode(field.Type, "writer", field.Member) + ";");
        }
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("/// <summary>Writes <paramref name=\"value\"/>; the static form suits <see cref=\"" + Cref(KnownTypes.AxdrEncoder) + "{T}\"/>.</summary>");
        w.WriteLine("/// <param name=\"writer\">The writer the structure is appended to.</param>");
        w.WriteLine("/// <param name=\"value\">The " + Escape(name) + " to write.</param>");
        w.WriteLine("public static void Encode(ref " + KnownTypes.AxdrWriter + " writer, " + model.FullName + " value) => value.Encode(ref writer);");
        w.CloseBlock();
    }

    private static string EnumUnderlyingType(NamedTypeModel model) => model.Encoding switch
    {
        AxdrKind.BitString => model.BitCount <= 8 ? "byte" : model.BitCount <= 16 ? "ushort" : model.BitCount <= 32 ? "uint" : "ulong",
        _ => ClrTypes.PrimitiveType(model.Encoding),
    };

    private static string BitLiteral(string underlying, long bit) =>
        (underlying == "ulong" ? "1ul" : underlying == "uint" ? "1u" : "1") + " << " + bit.ToString(CultureInfo.InvariantCulture);
}
