using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Cosem.Sdk.Generators.Helpers;
using Cosem.Sdk.Generators.Model;
using static Cosem.Sdk.Generators.Emitting.CSharpText;

namespace Cosem.Sdk.Generators.Emitting;

/// <summary>
/// Writes the source of one COSEM interface class: metadata (<c>ClassInfo</c>), the server base with an in-memory
/// value and virtual get/set per attribute and a virtual handler per method. Shared logic stays in the runtime
/// (<see cref="KnownTypes.CosemObject"/>, <see cref="KnownTypes.CosemCodecs"/>) rather than being repeated per class.
/// </summary>
internal static class InterfaceClassEmitter
{
    /// <summary>One interface class: the server base with its dispatch, the nested client proxy and the file-local codecs.</summary>
    public static string Emit(ClassModel model)
    {
        var w = GeneratedFile.Begin(model.Namespace);
        string codec = model.Name + "Codec";
        var attributes = model.Attributes.Where(a => a.Index != 1).ToList();

        if (model.Summary is { } summary)
        {
            GeneratedFile.WriteSummary(w, summary);
        }
        else
        {
            GeneratedFile.WriteSummary(w, "COSEM interface class " + Escape(model.Name) + " (class id " + Int(model.ClassId) + "), server base and client proxy.", escape: false);
        }
        w.WriteLine("/// <remarks>");
        w.WriteLine("/// COSEM interface class " + Int(model.ClassId) + ", version " + Int(model.Version)
            + (model.BlueBook is null ? "" : " (Blue Book " + Escape(model.BlueBook) + ")") + ". The server base: subclass it and");
        w.WriteLine("/// override the members you implement; the rest serve in-memory values. <see cref=\"Proxy\"/> is the client side.");
        w.WriteLine("/// </remarks>");
        w.WriteLine(GeneratedFile.GeneratedCodeAttribute);
        w.OpenBlock("public partial class " + model.Name + " : " + KnownTypes.CosemObject);

        // Metadata and factories.
        w.WriteLine("/// <summary>Class id, version, attributes and methods of " + model.Name + ", and its factories.</summary>");
        w.WriteLine("public static " + KnownTypes.CosemClassInfo + " ClassInfo { get; } = new(");
        w.Indent();
        w.WriteLine(Int(model.ClassId) + ",");
        w.WriteLine(Int(model.Version) + ",");
        w.WriteLine(Literal(model.Name) + ",");
        w.WriteLine("[");
        w.Indent();
        foreach (var attribute in model.Attributes)
        {
            string selectors = attribute.Selectors.IsEmpty ? "" : ", [" + string.Join(", ", attribute.Selectors.Select(Int)) + "]";
            w.WriteLine("new(" + Int(attribute.Index) + ", " + Literal(attribute.Name) + ", " + KnownTypes.AttributeAccess + "."
                + AccessName(attribute.Access) + ", " + (attribute.IsStatic ? "true" : "false") + ", " + Offset(attribute.ShortNameOffset)
                + selectors + "),");
        }
        w.Unindent();
        w.WriteLine("],");
        w.WriteLine("[");
        w.Indent();
        foreach (var method in model.Methods)
        {
            w.WriteLine("new(" + Int(method.Index) + ", " + Literal(method.Name) + ", " + KnownTypes.MethodAccess + "."
                + AccessName(method.Access) + ", " + Offset(method.ShortNameOffset) + "),");
        }
        w.Unindent();
        w.WriteLine("],");
        w.WriteLine("static logicalName => new " + model.FullName + "(logicalName),");
        w.WriteLine("static (session, logicalName) => new " + model.FullName + ".Proxy(session, logicalName));");
        w.Unindent();
        w.WriteLine();

        w.WriteLine("/// <summary>Creates the object with in-memory default values.</summary>");
        w.WriteLine("/// <param name=\"logicalName\">Logical name (OBIS code) the object answers to.</param>");
        w.WriteLine("public " + model.Name + "(" + KnownTypes.ObisCode + " logicalName)");
        w.WriteLine("    : base(logicalName)");
        w.WriteLine("{");
        w.WriteLine("}");
        w.WriteLine();
        WriteClassIdAndVersion(w, model);
        w.WriteLine();
        w.WriteLine("/// <summary>The " + Count(model.Attributes.Count, "attribute") + " of " + Escape(model.Name)
            + ", in index order, with access rights and short-name offsets (from <see cref=\"ClassInfo\"/>).</summary>");
        w.WriteLine("public override " + KnownTypes.ReadOnlyList + "<" + KnownTypes.CosemAttributeInfo + "> Attributes => ClassInfo.Attributes;");
        w.WriteLine();
        w.WriteLine("/// <summary>" + (model.Methods.Count == 0
                ? Escape(model.Name) + " has no methods: an empty list (from <see cref=\"ClassInfo\"/>)."
                : "The " + Count(model.Methods.Count, "method") + " of " + Escape(model.Name)
                    + ", in index order, with access rights and short-name offsets (from <see cref=\"ClassInfo\"/>).")
            + "</summary>");
        w.WriteLine("public override " + KnownTypes.ReadOnlyList + "<" + KnownTypes.CosemMethodInfo + "> Methods => ClassInfo.Methods;");

        // Attributes: in-memory value, virtual getter and setter.
        foreach (var attribute in attributes)
        {
            string type = ClrTypes.CsType(attribute.Type);
            string label = Describe("attribute", attribute.Index, attribute.Name);
            bool selective = !attribute.Selectors.IsEmpty;
            w.WriteLine();
            GeneratedFile.WriteSummary(w, Describe("Attribute", attribute.Index, attribute.Name) + ": the in-memory value the default getter serves and the default setter stores."
                + (attribute.Summary is null ? "" : " " + Escape(attribute.Summary)), escape: false);
            string initializer = ClrTypes.DefaultValue(attribute.Type);
            w.WriteLine("public " + type + " " + attribute.Member + " { get; set; }" + (initializer.Length == 0 ? "" : " = " + initializer + ";"));
            w.WriteLine();
            w.WriteLine("/// <summary>Reads " + label + ". Default: <see cref=\"" + attribute.Member + "\"/>"
                + (selective ? (attribute.Type.Kind == AxdrKind.Array ? ", with entry selections applied" : "") : "") + ".</summary>");
            if (selective)
            {
                string body = attribute.Type.Kind == AxdrKind.Array
                    ? "new(" + KnownTypes.EntrySelection + ".Select(" + attribute.Member + ", access));"
                    : "access is { } selection ? SelectiveAccessNotSupportedAsync<" + type + ">(selection) : new(" + attribute.Member + ");";
                w.WriteLine("protected virtual " + KnownTypes.ValueTask + "<" + type + "> Get" + attribute.Member + "Async(" + KnownTypes.SelectiveAccessDescriptor
                    + "? access, " + KnownTypes.RequestContext + " context, " + KnownTypes.CancellationToken + " cancellationToken) =>");
                w.WriteLine("    " + body);
            }
            else
            {
                w.WriteLine("protected virtual " + KnownTypes.ValueTask + "<" + type + "> Get" + attribute.Member + "Async(" + KnownTypes.RequestContext
                    + " context, " + KnownTypes.CancellationToken + " cancellationToken) =>");
                w.WriteLine("    new(" + attribute.Member + ");");
            }
            w.WriteLine();
            w.WriteLine("/// <summary>Writes " + label + ". Default: stores into <see cref=\"" + attribute.Member + "\"/>.</summary>");
            w.OpenBlock("protected virtual " + KnownTypes.ValueTask + " Set" + attribute.Member + "Async(" + type + " value, " + KnownTypes.RequestContext
                + " context, " + KnownTypes.CancellationToken + " cancellationToken)");
            w.WriteLine(attribute.Member + " = value;");
            w.WriteLine("return default;");
            w.CloseBlock();
        }

        // Methods: virtual handlers.
        foreach (var method in model.Methods)
        {
            w.WriteLine();
            string label = Describe("method", method.Index, method.Name);
            w.WriteLine("/// <summary>Handles " + label + "." + (method.Summary is null ? "" : " " + Escape(method.Summary))
                + " Default: refused with read-write-denied.</summary>");
            string result = method.Returns is null ? KnownTypes.ValueTask : KnownTypes.ValueTask + "<" + ClrTypes.CsType(method.Returns) + ">";
            string parameter = TakesParameter(method) ? ClrTypes.CsType(method.Parameter!) + " parameter, " : "";
            w.WriteLine("protected virtual " + result + " " + method.Member + "Async(" + parameter + KnownTypes.RequestContext + " context, " + KnownTypes.CancellationToken
                + " cancellationToken) =>");
            w.WriteLine("    NotImplementedAsync" + (method.Returns is null ? "" : "<" + ClrTypes.CsType(method.Returns) + ">") + "(" + Literal(method.Name) + ");");
        }

        // Dispatch from attribute and method indexes to the members above, then the client side and the codecs.
        ServerDispatchEmitter.Write(w, model, attributes, codec);
        ClientProxyEmitter.Write(w, model, codec);
        w.CloseBlock();

        ClassCodecEmitter.Write(w, model, codec);
        return GeneratedFile.End(w);
    }

    /// <summary>
    /// The <c>ClassId</c> and <c>Version</c> overrides, server base and proxy alike: "Interface class id of Clock: 8
    /// (Blue Book Ed.15 §4.5.1)".
    /// </summary>
    internal static void WriteClassIdAndVersion(SourceWriter w, ClassModel model)
    {
        w.WriteLine("/// <summary>Interface class id of " + Escape(model.Name) + ": " + Int(model.ClassId)
            + (model.BlueBook is null ? "" : " (Blue Book " + Escape(model.BlueBook) + ")") + ".</summary>");
        w.WriteLine("public override ushort ClassId => " + Int(model.ClassId) + ";");
        w.WriteLine();
        w.WriteLine("/// <summary>Version of interface class " + Escape(model.Name) + " (class id " + Int(model.ClassId) + ") this code implements: "
            + Int(model.Version) + ".</summary>");
        w.WriteLine("public override byte Version => " + Int(model.Version) + ";");
    }

    /// <summary>Whether the generated handler and proxy method take a parameter; a fixed default="..." replaces it.</summary>
    internal static bool TakesParameter(MethodModel method) => method.Parameter is not null && method.DefaultLiteral is null;

    private static string AccessName(AttributeAccessKind access) => access switch
    {
        AttributeAccessKind.None => "NoAccess",
        _ => access.ToString(),
    };

    private static string AccessName(MethodAccessKind access) => access switch
    {
        MethodAccessKind.None => "NoAccess",
        MethodAccessKind.Execute => "Access",
        _ => "AuthenticatedAccess",
    };

    private static string Offset(int offset) =>
        offset < 0 ? "-1" : "0x" + offset.ToString("X2", CultureInfo.InvariantCulture);
}
